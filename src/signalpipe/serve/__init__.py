"""`signalpipe serve`: the local review app (events inbox, KPIs, the draft update, the run).

Needs the `serve` extra (Starlette, Jinja2, uvicorn); `app.create_app` builds it over an open
`desk.Desk`.
"""
