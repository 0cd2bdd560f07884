"""The cheap first look: which detectors a piece of text is worth, from literal word stems.

Most traffic is mundane, and the detectors' patterns are costly, so one pass of one pattern
(a trie of literal stems, matched from a word's start) tells which sentences hold a cue and which
detectors their cues belong to. A stem ending in "$" must end a word ("arr$" is not "arrive").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

STEMS: dict[str, str] = {
    "funding": "angel backed raise raising round seed series "
               "funding financing investment term sheet termsheet "
               "valuation safe$ safes$ bridge convertible oversubscribed pre-money post-money "
               "down round backed by secures$ secured$",
    "backed": "invests$ invested investment backs$ backed co-lead leads$ led$ valuation valued "
              "nabs$",
    "acquisition": "acqui merger merged with bought buys buying takeover buyout to buy sells$ "
                   "sold$ to sell sale of divest dividend",
    "investor_interest": "reached out reaching out pinged inbound data room dataroom interested "
                         "interest wants to would like would love keen to eager to partner "
                         "meeting ic meeting investment committee deep dive deep-dive "
                         "monitoring following radar attention request preempt pre-empt loi$ "
                         "intro$ introduction asked to asked for asking to asking for "
                         "diligence approached approaching following open to asking if "
                         "asked if calls with meetings with call with chats with "
                         "i'd i\u2019d we'd we\u2019d wanting",
    "compliance": "soc$ soc2 soc 1 soc 2 soc 3 iso hipaa gdpr pci fedramp hitrust csa star "
                  "cyber essentials tisax ccpa nis2 nis 2 fda 510(k) stateramp irap disa ce mark "
                  "hds$ c5$ nist cmmc pen test pentest penetration ato$ failed the audit failed "
                  "our audit "
                  "audit was delayed audit delayed qualified opinion fined fine of probe recall "
                  "subpoena lawsuit sued settle penalt regulator investigation",
    "media": "featured feature in feature on feature about covered coverage wrote write-up "
             "writeup ran$ article story piece profile op-ed podcast episode segment mention "
             "column published named list$ quoted we're in we are in we were in press front page "
             "appear shout profiled award prize winner won$ wins$ live$ interview recogni "
             "magic quadrant forrester wave product of the leader$ product hunt ranked ranks "
             "hacker news indie hackers indiehackers trending top post top story review from "
             "review by reviews from reviews by youtube review the top of did well on "
             "spot on hype cycle included in listed in honor honour picked up by syndicated "
             "reprinted written up positions positioned recognizing recognising naming",
    "hiring": "ceo cto cfo coo cro cmo cpo ciso cio$ cso$ cdo$ cco$ chief vice president vp$ "
              "svp$ evp$ head of director general counsel founding founder co-founder cofounder "
              "principal staff engineer lead president board of board member the board our board "
              "chair general manager managing "
              "director country manager partner$ advisor senior sre$ resign leaving "
              "leaves left the left us stepping down stepped down steps down departing "
              "departure last day "
              "parted parting let go fired quit$ moving on laid off layoff lay off lay-off "
              "reduction in force rif$ job cuts hiring freeze freezing hiring freeze on hiring "
              "headcount downsiz restructur out as said goodbye roles cut of the team of our team "
              "of the company of staff of our staff departure decided to leave offer signed "
              "offer accepted "
              "started as passed away reduce the team reduced the team "
              "reduce our team reduced our team "
              "furlough new executive new leadership new senior paus frozen jobs$ workforce "
              "staff$ step down retire full time full-time personnel employees$ freez "
              "pay freeze salary freeze wage freeze freezes pay freezing pay size of board$",
    "expansion": "opening up opened up opens up open up payments in billing in pricing in foothold "
                 "localized localised language support launching in ship to ships to "
                 "first employee in first hire in first engineer in "
                 "expand expansion launched in launches in live in opened opens new office new "
                 "region new data new market new hub new zone region data center datacenter "
                 "data centre first customer in first client in first deal in first office "
                 "entered entering available in availability in now serving set up incorporated "
                 "data residency arrived in arrives in market$ established exit pull out "
                 "launch is expansion is office is team is open for business up and running "
                 "now selling in selling in first customer there shipping to shipping in "
                 "deprecated withdrawn discontinued sunset retired no longer available "
                 "pulled out pulling out shut clos withdr retir zone",
    "partnership": "partner alliance marketplace app exchange appexchange app directory reseller "
                   "co-sell co-marketing distribution oem$ joint venture teamed up teams up "
                   "listed integrat cooperation collaborat",
    "enterprise_deal": "signed signs closed won$ wins$ inked landed lands booked bought buys "
                       "purchas selected select chose choos went with goes with picked came on "
                       "comes on onboarded on board customer client countersigned executed "
                       "theirs sent back sent over signature awarded deployed deploys rolling "
                       "out standardiz standardis new logo agreed adopt lost lose fell through "
                       "fell apart collapsed pulled out backed out walked away contract deal "
                       "order form purchase order biggest deal largest deal largest contract "
                       "biggest contract po$ chosen tapped order$ orders$",
    "customer_success": "renew re-sign extended expand upsell upgraded seats case study "
                        "customer story success story testimonial nps$ csat net promoter record "
                        "retention nrr$ ndr$ grr$ g2$ capterra trustpilot gartner saved churn "
                        "cancel not renewing won't renew didn't renew downgrad terminat pause "
                        "uses$ leverages embraced consolidates streamlined using deployed runs$ "
                        "customer$ client$ relies on chose picked "
                        "rolling out rolled out adopting adopted deploying implement switched "
                        "to migrated to moved to standardiz "
                        "standardis",
    "revenue": "arr$ mrr$ revenue run rate run-rate runrate bookings gmv billings top line "
               "topline top-line sales turnover profit operating net income earnings ebit "
               "order intake order backlog order book income guidance outlook loss broke even "
               "missed short of "
               "break even missed outflow warns warned warning worst lowest "
               "didn't hit did not hit didn't reach did not reach didn't make did not make "
               "didn't meet did not meet failed to hit failed to reach failed to meet",
    "users": "user actives active customers logos seats signup sign-up registrations "
             "subscribers members developers installs downloads accounts teams organizations "
             "organisations orgs$ companies merchants creators stars followers mau$ maus$ dau$ "
             "daus$ wau$ waus$ businesses brands clinics hospitals schools restaurants stores "
             "drivers riders patients students learners players listeners viewers visitors "
             "waitlist wait-list pulls community email list customer count user count "
             "pageviews page views people folks verifications customer$ subscriber$ "
             "downloaded installed",
    "technical": "p50 p75 p90 p95 p99 latency response time load time page load build time "
                 "query time cold start startup time render time rendering time ttfb time to first "
                 "throughput "
                 "per second rps$ qps$ tps$ uptime availability error rate crash cloud bill "
                 "aws bill "
                 "gcp bill azure bill infra bill cost "
                 "spend memory cpu events messages per requests inference training accuracy "
                 "precision recall deploy time ci time test suite bundle size app size speed "
                 "performance pr time indexing search time feed outage went down was down is "
                 "down were down downtime disruption sev p0 incident degraded degradation data "
                 "loss lost data breach compromised leak ddos ransomware postmortem post-mortem "
                 "root cause rca$ unavailable timeout lag$ lagging broke for broke in failed over "
                 "failover unauthorized access data leak exposed vulnerab security issue "
                 "unauthori leaderboard benchmark deploys builds faster quicker fees size of "
                 "time spent operations per second writes per reads per time it takes "
                 "concurrent index size database size image size shrank shrunk beats outperform "
                 "bill$ bills$",
    "award": "won$ wins$ win$ winning awarded receiv took home winner took first earned "
             "granted secured landed patent award honor honour voted crowned",
    # assurance.py: audits passed, certificates kept, ratings earned; incidents customers felt
    "assurance": "pen test pentest penetration security audit security assessment red team "
                 "recertif re-certif reauthori re-authori surveillance audit five-star 5-star "
                 "top safety pick dpa$ dpas$ baa$ baas$ data processing business associate "
                 "standard contractual sccs$ 21 cfr cjis tx-ramp txramp gxp$ itar$ k-isms "
                 "iec 62304 iec 62443 bq-9000 energy star common criteria fips vpat$ lgpd$ "
                 "failing unable to experiencing seeing errors seeing elevated not loading "
                 "timing out outage downtime disruption status page incident lost data "
                 "lost some data lost customer data data loss introduced a introduced an "
                 "broke$ investigating aware of looking into fix for responding to crowned "
                 "government certification governmental certification type approval "
                 "star worksite vpp$ safety award safety recognition safety record "
                 "appeal ruling clears$ cleared$ approv",
    # results.py: technical results, audiences and markets in the words posts use for them
    "results_tech": "per second per$ rows$ ops$ writes$ reads$ queries$ transactions$ "
                    "records$ tokens$ api calls inserts$ messages events requests "
                    "served processed faster quicker cheaper smaller lighter leaner fold speedup "
                    "speed-up beat$ beats$ outperform outpac outscor squeez eke$ eked wring "
                    "performance speed throughput efficiency downtime outage incidents stability "
                    "reliability battery boot$ compile fps$ bandwidth egress contentful "
                    "lighthouse runtime execution power consumption power draw energy use "
                    "disk usage frame rate hit rate write speed read speed memory cpu latency "
                    "p50 p75 p90 p95 p99 footprint bill$ bills$ tb$ pb$ terabyte "
                    "petabyte gb/s tb/s gbps fastest quickest number one top-ranked "
                    "down from used to take magnitude took$ nines$ saves$ saved$ "
                    "saving$ scans$ scanned bundle binary concurrent ram$ world's "
                    "world\u2019s of all time record landmark all-time charge$ aerodynamic",
    "results_users": "testers nodes workspaces developers devs contributors people members "
                     "users teams companies customers subscribers installs downloads pulls "
                     "verifications signups sign-ups accounts trending user base "
                     "customer base subscriber base member base",
    "results_market": "enter$ enters$ expands into expanded into expanding into moves into "
                      "moved into break into breaks into broke into store$ location office "
                      "dispensary station$ plant$ factory facility warehouse "
                      "showroom campus fulfillment brings$ brought bringing rolls out rolled out "
                      "available to countries markets$ first customer in first client in "
                      "first deal in ship to ships to shipping to now serving officially "
                      "live$ launch$ debut$ rollout$ market entry",
    # reach.py: the place as the subject, a region entered or a first there, a market left.
    # Mostly stems other readers already cue: a stem of its own cues sentences no one else
    # reads ("out", "first", "pull" cued 3,000 dev sentences for these readers alone)
    "reach_live": "live$ open$ set up up and running open for business incorporated launch "
                  "rollout roll-out office entity subsidiary expansion",
    "reach_entered": "entered entering enter$ enters$ broke into break into breaks into expand "
                     "moved into got our first got my first landed our first made our first "
                     "closed our first first customer first client first customer in "
                     "first client in first deal in first hire in first employee in first paying "
                     "first paid first sale first office",
    "reach_left": "shut clos paus halt on hold scrap cancel shelv wind down winding down "
                  "winds down wound down exit leav left pull out pulled out pulling out "
                  "retreat withdr stopped selling no longer ceas market$",
    # orders.py: deliveries under contract, chosen as supplier, an order pulled
    "orders_delivery": "deliver supply$ supplies$ supplied supplying",
    "orders_chosen": "selected as chosen as picked as appointed as named as awarded the contract "
                     "chosen vendor chosen supplier selected vendor selected supplier "
                     "preferred vendor preferred supplier",
    "orders_pulled": "cancel pulled withdrew withdrawn rescind revoked scrapped put a hold on",
    "orders_lost": "loses$ lost$ losing$ not selected not chosen not picked awarded the contract "
                   "instead of us",
    # cutbacks.py: jobs cut, counted by whom the cut affects
    "cutbacks_jobs": "reduction redundanc layoff lay-off job cuts cuts$ dismiss cutbacks "
                     "restructuring measures termination elimination loss$ losses$ jobs$ "
                     "positions$ roles$ employees$ notice part ways parted ways parting ways "
                     "laying off laid off lays off lay off",
    "cutbacks_site": "shut clos mothball wind down winding down winds down wound down",
    # shortfall.py: a business that did not work
    "shortfall": "succeed succeeded sustainable viable product-market traction itself losing "
                 "weaker softer slower expectations took$",
    # earnings.py: a loss that moved, earnings per share that moved
    "earnings_loss": "loss$ losses$ into the red",
    "earnings_eps": "eps$ earnings per share",
    "earnings_forecast": "beat beats$ tops$ topped exceed ahead$ halves$ halved",
    # markets2.py: operations started or extended in a place, a unit set up there, a first
    # site opened there; phrases, so the common words alone ("sales", "first") cue nothing
    "markets2_started": "operations in operations into operations to activities in activities to "
                        "sales in sales to services in services to service in service to business "
                        "in business to business into deliveries in production in manufacturing "
                        "in trading in distribution in presence in presence into presence to "
                        "footprint in footprint to footprint into reach to reach into network to "
                        "network into coverage to offering in offering to broadband in subsidiary "
                        "in set foot sets foot setting foot subsidiar branch office sales office "
                        "exporting to selling in shipping in operating in doors in landed$ "
                        "lands$ goes live live in across$ launched$ "
                        "launches$ rolled out rolls out introduced introduces",
    "markets2_first": "first store first shop first office first location first branch first "
                      "station first dispensary first clinic first restaurant first cafe first "
                      "showroom first plant first factory first warehouse first hub first hotel "
                      "first outlet first pop first site first data first international first "
                      "european first us first overseas first foreign store$ stores$ shop$ "
                      "station$ dispensary clinic$ showroom restaurant$",
    # outcomes.py: customers' figures moved on us, praise, growth and going live; churn moved
    "outcomes_moved": "went up rose grew jumped increas improv doubl tripl climb dropped fell "
                      "went down decreas halved paid for itself roi$",
    "outcomes_praised": "named voted crowned of the year game changer game-changer lifesaver "
                        "life saver favourite favorite indispensable 10/10 5/5 stars$ "
                        "perfect score full marks best tool best product best vendor "
                        "best app best platform best partner",
    "outcomes_grew": "expand extend rolled teams seats licen departments units",
    "outcomes_live": "live$ live on live in live with",
    "outcomes_production": "production upgraded switched moved migrated",
    "outcomes_churn": "churn nps$ csat$ net promoter nrr$ grr$ ndr$ retention",
    # corporate.py's readings: each runs after its type's main detector passed on a clause
    "corp_hiring": "join hired onboarded brought welcom board$ offer$ offered$ full time "
                   "full-time poach "
                   "taps$ tapped picks$ picked promoted elevated names$ named appoint hires$ "
                   "lure lured recruited hire$ hires$",
    "corp_compliance": "approv clear$ clears$ cleared$ clearance licens licenc authori grant "
                       "certif recertif settle fine "
                       "fines$ probe pay$ watchdog rated designation mis-selling rebuff orphan "
                       "warning letter label$ ce mark obtain earns$ soc$ soc 2 iso hipaa pci gdpr "
                       "fedramp",
    "corp_other": "acqui buy to buy to sell sale of bought purchas takes over took over lands$ "
                  "landed snaps$ snapped$ sale$ stake shed offload "
                  "sell sold divest spin spun merger merges$ merge$ combine come together "
                  "comes together came together agreement join ftse s&p nasdaq dow$ stoxx "
                  "russell headquarters hq$ head office official relicens re-licens licens licenc "
                  "cla$ contributor junk$ downgrad credit rating output capex capital expenditure "
                  "ran out run out running out backorder hiatus paused halted suspended "
                  "stopped selling disappear dried shortage",
    "corp_partnership": "forces teamed up teams up teaming strik struck ink bag signs$ signed$ "
                        "memorandum memo$ mou$ joint jv$ consortium alliance expand agreement seal "
                        "agreed official exclusive preferred join selects$ selected$ chose choos "
                        "taps$ tapped picks$ picked",
    "corp_deal": "largest biggest record order places placed finali firms$ firmed$ win$ wins$ "
                 "won$ secures$ secured$ lands$ landed awarded purchas sold sells$ bought "
                 "upgraded signed$ chose went with standardiz standardis signs$ inks$ inked "
                 "agreement po$ purchase order order form",
    "corp_success": "how$ production turns$ turned$ taps$ tapped$ bets$ switches$ switched$ "
                    "upgraded standardiz standardis churn",
    "first_sale": "sold my first sold our first got our first got my first landed our first "
                  "made our first made my first closed our first first paying first paid "
                  "first sale first pre paying",
    "churn_count": "cancel churn lost refund",
    # milestones.py: goals, records, growth rates and runs, counts in words, traffic
    # open stems: a stem that must end a word would hide a shorter open one ("user" in "users")
    "milestones": "goal target grew grown growing gone from went from climbed jumped ever$ record "
                  "all-time clicks visits impressions customers clients subscribers members "
                  "teams users profitab black$ broke even cash-flow cashflow bring brought "
                  "copies units kits base$ user base customer base subscriber base member base "
                  "closed$ ended$ finished$ mark$",
    "acquire_interest": "acqui buying loi$ lois$ letter of intent unsolicited takeover buyout",
    "shut_down": "shut sunset kill discontinu retir pulled the plug wound down winding down "
                 "flop bomb fizzl went nowhere",
    "launch": "launched launches launching shipped released rolled out rolling out introduc "
              "unveil debut live "
              "available generally available general availability ga$ beta preview arrived "
              "arrives announc goes live out now first release initial release open-sourc "
              "open sourc major version is out are out is here are here announce release of "
              "excited to now support now offer you can now you can finally now works with "
              "now integrates with slipped delayed postponed pushed back shipping first version "
              "published is a new is our new shelv mothball now out now ready make it official "
              "it's official publicly available widely available open to everyone open to all "
              "open to the public ships today ships now say hello to launch of debut of",
    # news wording (headlines.py): results and audiences that rose, in a headline's few words
    "news_results": "rise rises rose risen climb jump grow grew increase gain surg soar doubl "
                    "topped tops$ beat ahead improv passes passed crossed surpass strong "
                    "stronger record better bumper robust higher forecast guidance outlook "
                    "returns to returned to swung to swings to back to passenger hit$ hits$ "
                    "reach sets$ set$ breaking broke",
    # setbacks in any register (lowlights.py)
    "lowlight": "profit earning revenue sales turnover margin nav$ aum$ warn guidance outlook "
                "loss losses writedown write-down impairment slash axe shed eliminat lays off "
                "lay off boardroom poach fine$ fines$ fined probe investigat sue$ "
                "sues$ sued censur rebuff settle mis-selling misselling misconduct watchdog "
                "requires improvement told to facing faces hit with lose loses lost losing "
                "sponsorship suspend halt freezes froze paused junk shut closes capex plug$ "
                "hiatus ran out runs out fails failed flop ordered to must pay "
                "to pay dividend expansion books$ booked hit by hurt by cuts$ cut$ slashes "
                "rejects rejected recall short of hurt$ hurts$ "
                "missed growth stayed flat remained flat shelving shelved mothball shortage "
                "compensation damages restitution settlement close$ closing lays off laid off "
                "freezes hiring hiring freeze quits resigns ousted bankruptcy insolvency "
                "administration receivership liquidation cancels cancelled canceled "
                "terminates valuation cyberattack cyber-attack ransomware hack$ hacked$ outage "
                "glitch "
                "delays delayed postpone pushes back pushed back exits exited withdraws "
                "retreats ends$ ended$ let$ reduction failed to didn't hit did not hit "
                "didn't manage did not manage wasn't able weren't able",
    # declines.py: results compared and found lower, losses that grew
    "decline": "down from down by down 0 down 1 down 2 down 3 down 4 down 5 down 6 down 7 down 8 "
               "down 9 down about down some down nearly down almost down more than down eur down "
               "usd decrease of decline of drop of fall of reduction of lower than compared to "
               "compared with versus vs$ vs. against loss losses negative guidance outlook "
               "forecast estimate projection expects$ market share passenger declining "
               "decreasing falling shrinking dropping slipping sliding hurt dented$ dents$ "
               "squeez weighed on weighs on erod ate into eats into contracted compressed "
               "narrowed shrank shrunk deteriorat weaker than worse than poorer than below "
               "decrease in decline in drop in fall in reduction in slump in slide in dipped "
               "dips$ sank$ sunk$ tanked cratered went backwards moved backwards slid$ nosedive "
               "nose-dive eroded softened fell off decrease$ decline$ number of",
    # declines.py: churn up, customers lost, launches slipped, outages, lawsuits, departures
    "setback": "churn lost losing lose shed bled said goodbye to pushed$ pushed back pushing$ "
               "push$ moved$ moved to slipp slip$ slips$ bumped$ bumping$ delay postpon "
               "reschedul unable not able experiencing$ down for offline for outage downtime "
               "disruption sue$ sued$ suit$ lawsuit complaint class action subpoena desist "
               "handed in tendered departs$ departing$ departed$ departure resignation instead "
               "of us over us rather than redundan dismissal job losses freez froze salar wages$ "
               "pay cut breach incident unauthori suspicious intrusion compromised leaked "
               "exposed stolen attacker flop failure bust$ dud$ fell flat bombed went nowhere "
               "failed not pass n't pass qualified opinion exceptions$ findings$ conformit came "
               "in shut closing$ wind down winding down winds down wound down discontinu "
               "reduction of reduced by given notice laid off dismissed broken for unavailable "
               "for unreachable for failing for cutting$ shrinking$ trimm cancel scrap called "
               "off calling off",
    # clients.py: a client hiring the company ("TalkTalk hires BAE Systems to investigate")
    "client_engaged": "hire$ hires$ hired$ names$ named$ appoint retain engag taps$ tapped$ "
                      "picks$ picked$ selects$ selected$ chooses$ chose$",
    # wire.py: a major version in a release headline ("... with 13.0 Release")
    "wire_release": "release$",
    # wire.py: a supply contract ("Acme to supply LFP cells to Globex"); one party joining
    # another ("Acme teams up with Globex", "Acme joins forces with CEA")
    "enterprise_deal_supply": "supply$ supplies$",
    "partnership_joined": "team up joins with join forces joins forces joined forces "
                          "joining forces joins hands",
    # contracts.py: paper from a buyer, a buyer's choice of us, a deal lost; integrations,
    # marketplaces and partner tiers (single words: phrases would need the table below)
    "contracts_deal": "po$ pos$ purchase order order form chooses$ picks$ selects$ taps$ "
                      "standardiz standardis deploys$ rolls$ adopts paying converted "
                      "fell through instead in-house competitor closed$ signed$ awarded won$ "
                      "landed$ sold$ agreement$ agreements loses$ lost$ clinch bags bagged "
                      "receives received secures$ secured$ nets$ netted$ awards chosen$ "
                      "customer$",
    "contracts_partner": "integration$ integrates$ appexchange marketplace team up teamed up "
                         "collaborates partners achieves$ achieved$ earned$ earns$ mou$ "
                         "now integrates with partner network orchard$ gallery$ partnership$ "
                         "directory appsource$ join forces joined forces partnership",
    # setbacks.py: setbacks in chat's and founders' plain words
    "setbacks": "resign quit$ his notice her notice their notice weeks' notice notice of "
                "us notice gave notice move on moving on left leaving part ways renew lost "
                "moving off away from replaced us replacing us swapped us ripped us "
                "terminated cancel churned missed by missed it missed plan "
                "behind plan below plan under plan target stalled fundrais passed on unable "
                "couldn could not didn't manage did not manage failed failing "
                "cease operations ceasing operations will cease profit nonprofit "
                "stopped development stop development stopping development ended development "
                "halted development retir discontinu sunset between 0 between 1 between 2 "
                "unauthori malicious accessed exposed leaked stolen compromised exfiltrat hacked "
                "breached team from headcount from staff from workforce from reduced the team from "
                "reduced our team from cut the team from cut our team from team went from "
                "headcount went from slowed flattened plateaued flatlined flat$ disappointing "
                "underwhelming lackluster lacklustre rejected declined decided to leave "
                "competitor rival winding down on hold shut down down for offline for "
                "unavailable for unreachable for pull out pulled out pulling out exiting exited "
                "withdrawing withdrew retreating removed ended expired lapsed revoked delisted "
                "delayed pushed postponed slipped showed revealed decided not chose$ opted not "
                "elected not decides not let go "
                "backed walked conversion activation retention nrr$ ndr$ short of below",
    "setbacks_early": "only 1 only 2 only 3 only 4 only 5 only 6 only 7 only 8 only 9 only one "
                      "only two only three only four only five only a few only a handful "
                      "lost losing lose$ paused halted stopped shelved put on hold postponed "
                      "scrapped short of below",
    "reversal": "won't will not no longer decided not to renew fell through fell apart "
                "collapsed rescinded withdrawn pulled churn",
    # community.py: what a company posts in its community channels, and the chatter around it
    "community_press": "video podcast episode write-up writeup article blog post deep dive "
                       "breakdown shoutout shout-out thanks to thank you to kudos to "
                       "deep-dive walkthrough explainer interviewed reviewed guest on guests on "
                       "had us had our mention review of featured covered profiled unboxed "
                       "benchmarked demoed sat down week's",
    # the nouns of what another platform took in ("an Acme retriever"), not its many verbs
    "community_listing": "added to listed on listed in accepted into merged into included in "
                         "integrated into integrated in available on available in live on "
                         "trading on official now has now offers now supports now includes "
                         "now powers integration retriever plugin connector template extension "
                         "onto over to removed pulled delisted verified on certified on "
                         "integrates marketplace partnership partner program partner programme "
                         "startup program startup programme developer program developer programme "
                         "partner network inception program",
    "community_release": "now out now ready now live now released now available is out is here "
                         "is live is finally beta early access playtest testnet",
    # companylife.py: the company bought, buying, renamed, moved, incorporated, pivoted, closed
    "companylife": "becoming part of become part of became part of now part of is part of "
                   "officially part of now a part of merge$ merger intent acqui purchas "
                   "bought joined joining welcom renam rebrand new name our name its name "
                   "company name known as now called office new office office is head office hq$ "
                   "headquarters first office "
                   "incorporat real company pivot foundation cncf spun spin shut clos close "
                   "wind down winding down ceas dissolv lands$ landed swoop snaps$ snapped "
                   "ownership control race$ battle bidding war auction takeover buyout sells$ "
                   "sold$ offload divest dispos combine to sell sell$ stake",
    "companylife_award": "award came first came second came third took first placed first "
                         "placed second placed third first place "
                         "cool vendor winner of",
    # welcomes.py: people joining and leaving in a founder's words, the company being bought
    # (phrases, not their common words: "added", "merged", "part of" and "is now" alone cue
    # hundreds of release notes)
    "welcomes": "welcom join mantle merging merged with merges$ left moving on move on "
                "moved on last day now part of now a part of officially part of accepted "
                "signed$ said goodbye goodbye farewell hired onboard brought on took on "
                "added a added our doubled$ tripled$ grew$ leaving away from part ways "
                "parted ways bought by purchased by snapped up taken over rejoin first hire "
                "first employee newest hire is now my is now our is officially",
    # statuspage.py: a project's sponsors signed, paid, renewed or lost
    "statuspage_sponsor": "sponsor",
    "statuspage_project": "released shipped cut$ tagged published co-lead colead co-leads$ "
                          "maintainer stepping stepped",
    "statuspage_adopter": "updated upgraded moved migrated switched adopted ships$ shipped "
                          "shipping supports$ support$ installing installs$ made$ makes$",
    # a phrase here needs its place in _stems' table of phrases (members.py's phrases)
    "members_release": "released releasing launched launching release] live] new] launch] "
                       "beta available aware investigating to release$ now live]",
    # shipped.py's release post wordings
    "shipped_release": "welcome say hello to meet$ ships$ opens$ released shipped launched "
                       "release$ launch$ ship$ announc introduc unveil launching opening "
                       "inviting onboarding opened experiment premiere debut unveiling "
                       "order book pre-sale presale pre-order preorder up and running out of beta "
                       "generally available landed dropped switch on app store play store "
                       "new release new version out now open$ opened$ launches$",
    # chatnews.py: a teammate welcomed, a release dropped or congratulated, a customer signed,
    # told in chat
    "chatnews_joined": "welcom added to the team added to our team say hi to say hello to "
                       "is a new is our new is the new have a new got a new",
    "chatnews_release": "dropped out the door congrat kudos",
    "chatnews_signed": "signed$",
    # (the phrases that hold "down" or "broken" hide the word: each calls for the reader too)
    "chatnews_down": "broken$ offline$ not working unreachable$ hacked$ is down was down "
                     "were down went down are down been down down for broken for offline for "
                     "is offline are offline went offline none of re down s down all down "
                     "still down",
    # theirs.py: our site, app or API down ("app.acme.io is down", "returning 500s")
    "theirs_down": "is down was down were down went down been down s down still down "
                   "down again offline$ unreachable$ not responding returning 5 "
                   "throwing 5 serving 5 returning error throwing error returning timeout "
                   "erroring with failing with 500s$ 502s$ 503s$ 504s$ 5xx",
    "theirs_bought": "acquired us bought us",
    "theirs_site": "product hunt producthunt hacker news show hn appsumo betalist",
    "theirs_offered": "available from available through available via offered by offered through "
                      "sold through sold by now offer as a service",
    "theirs_made": "made reddit made hacker news made hn made slashdot made techmeme made r/ "
                   "made it to made it onto",
    "theirs_award": "won$ took home picked$ scooped bagged named voted crowned",
    "chatnews_cheer": "customers$ logos$ users$ signups$ sign-ups$ subscribers$ stars$ "
                      "downloads$ installs$ mau$ dau$ wau$ arr$ mrr$",
    "chatnews_left": "left$ leaving last day moving on resigned quit$ handed in",
    # launchforms.py's launch forms ("Beacon 2 is here", "Meet X, our new app", waitlist gone)
    "launchforms": "is here arrived dropped$ landed$ meet$ say hello to say hi graduated exits "
                   "out of beta open to everyone open to all open to the public "
                   "open to anyone waitlist wait-list open sourc open-sourc new: product: app: "
                   "tool: rebuilt rewrote rewritten congrats congratulations kudos "
                   "hats off great job nice work well done out the door",
    "launchforms_store": "app store play store",
    "community_joined": "latest addition newest addition newest member latest member "
                        "newest hire latest hire joined",
    "community_members": "testers nodes contributors discord members community members trending "
                         "servers guilds welcomed our discord member community member",
    "community_setback": "no communication no more communication no contact team split "
                         "team has split parted ways co-founder cofounder keygen licence "
                         "license algorithm is out cracked leaked "
                         "indefinitely effective immediately until further notice permanently "
                         "lawsuit cease and desist cease-and-desist dmca takedown legal threat "
                         "sued is down are down was down were down went down is offline "
                         "are offline went offline is unavailable are unavailable sunset "
                         "discontinu development on development of shutting down shut down "
                         "winding down wind down closing exploited drained hacked stolen "
                         "compromised breached",
    # coverage.py: content made about us, lists made, offers to buy us, counts of markets,
    # customers' results with us, ratings
    "coverage_made": "guide tutorial video walkthrough course workshop talk article blog post "
                     "write-up writeup review deep dive explainer episode thread comparison "
                     "screencast livestream chapter lesson mentions mentioned recommend included "
                     "featured highlighted showcased",
    "coverage_listed": "made$ cracked landed named week's month's",
    "coverage_appeared": "joins joined spoke speaks talked talks sat down went on was on were on "
                         "appeared appears was a guest quoted cited interviewed "
                         "profiled spotlighted mention shout",
    "coverage_honoured": "winner recipient honoree honouree took takes top honors top honours "
                         "best in show voted distinction recognition designation badge title "
                         "among makes$ made$",
    "coverage_offer": "offer$ offered$ buy us acquire us",
    "coverage_markets": "countries languages markets$ locales currencies",
    "coverage_place": "opens opened opening enters entered entering available rolls rolled out "
                      "rolling out customer client merchant",
    "coverage_result": "used$ reported saw$ achieved recorded gained helped helps seats$ "
                       "licenses licences cut$ cuts$ reduced reduces saved saves$ slashed halved "
                       "doubled tripled boosted increased improved sped speeds lowered",
    "coverage_rating": "rating record highest stars$ all-time",
    "coverage_story": "case study customer story success story spotlight how$ renewal extension "
                      "expansion nps$ csat$ net promoter",
    # recognition.py: written about us, on a show, at the top of a site
    "recognition_press": "wrote blogged tweeted raved write-up writeup profile piece "
                         "writes$ publishes$ published dedicated to review of reviews of "
                         "article story podcast episode interview segment livestream "
                         "front page frontpage top of the top of reddit hacker news "
                         "number one covered reported on profiled spotlighted cover of "
                         "wrote up picked up by press$ media mentions media coverage coverage "
                         "in the news made it into we were in we're in we are in",
    # measured.py: less of a resource, figures in words, clean migrations, benchmarks won
    "recognition_tech": "less$ reduc cut$ cuts$ trimmed shrank shrunk shrinks lowered dropped "
                        "slashed shaved halved downtime data loss memory ram$ footprint "
                        "p50 p75 p90 p95 p99 latency bill$ hiccup hitch$ blip$",
    "recognition_gain": "performance perf$ speed throughput fps$ frame rate battery life hit rate "
                        "efficiency twice faster quicker down from",
    "recognition_uptime": "uptime availability",
    "recognition_outage": "broken was down were down went down been down failing erroring "
                          "unavailable degraded unreachable delayed timing out offline spiked "
                          "shot up returned returning threw throwing lost$",
    "recognition_bench": "benchmark leaderboard record best-performing best performing "
                         "top score first place top spot",
    # techwins.py: migrations done, reliability kept, load carried, times cut, money saved on
    # infrastructure, quality results, named benchmarks topped (single open stems: a phrase
    # splits into its words unless _stems knows it, and a whole-word stem hides the open stems
    # it extends)
    "techwins_move": "migrat move moving switched switchover cutover cut-over rewrite rewrote "
                     "replatform re-platform upgrade fully completely entirely 100% officially",
    "techwins_uptime": "uptime availability sev p0 p1 incident outage downtime",
    "techwins_load": "rps qps tps rpm req/s reqs/s ops/s msg/s events/s per minute hour day "
                     "daily concurrent tb pb",
    "techwins_time": "instead rather took used halves halve cuts cut reduc slash shav trim lower "
                     "fell delay latency",
    "techwins_saved": "saved saving saves",
    "techwins_quality": "fuzz crash",
    "techwins_bench": "mlperf tpc clickbench swe-bench swebench humaneval mmlu mteb techempower "
                      "specjbb specint geekbench imagenet superglue glue big-bench bigbench lmsys "
                      "chatbot hellaswag gsm8k ann-benchmarks ycsb beir",
    # airtime.py: talks given, titles from programmes, pieces about us, shows, lists we are on
    "airtime_talk": "demoed demo'd showcased featured highlighted presented talk podcast",
    "airtime_titled": "expert gde$ gdes$ hero$ heroes$ mvp$ mvps$ github star "
                      "docker captain champion innovator ambassador under 30",
    "airtime_piece": "wrote piece article story feature in feature on profile write-up writeup "
                     "segment column interview op-ed mention shout today's week's month's "
                     "morning's yesterday's press$ coverage podcast episode",
    "airtime_air": "talk chatting interviewed",
    "airtime_section": "techcrunch forbes axios sifted venturebeat wired$ bloomberg reuters cnbc "
                       "business insider the information fast company the verge "
                       "financial times wall street journal wsj$ geekwire the register "
                       "ars technica fortune$ engadget zdnet infoq the guardian",
    "airtime_list": "list$ grid$ ranking named ranked listed inclusion placement",
    # inbound.py: a fund got in touch, a fund wants in, a fund's partner writes to us
    "inbound_interest": "emailed e-mailed email from emails from message from dm from calling "
                        "pinging dmed dm'd dms$ slid messaged "
                        "texted touch reached out wrote cold-emailed approached contacted "
                        "pinged sniffing circl kicking "
                        "keen to eager to wants to wants$ would like would love "
                        "interested invest pre-empt preempt co-lead soft-circl inbound asked to "
                        "asking to asked for asking for",
    # backers.py: programmes that invest, grants, rounds told bare, investors' attention
    "backers_accelerator": "combinator ycombinator yc$ techstars antler seedcamp alchemist "
                           "masschallenge angelpad skydeck startx hf0 speedrun accelerator "
                           "incubator batch cohort builders destruction entrepreneur plug",
    "backers_grant": "grant sbir$ sttr$ funding fund$ funds$ funded nlnet",
    "backers_closed": "funded oversubscribed over-subscribed fundrais round$ raise verbal "
                      "strategic series seed",
    "backers_interest": "interest$ diligence data room dataroom tier partner meeting ic meeting "
                        "investment committee partnership meeting vcs$ investors$ funds$ "
                        "angel invited",
    "backers_takeover": "bid$ bids$ approach offer$ offers$ proposal pursuit talks takeover "
                        "buyout suitor overture swoop interest$",
    "backers_public": "floats$ floated ipo$ offering placing placement rights listing debut "
                      "trading capital issue$",
    "backers_newcomer": "investor backer cap$ check$ cheque wire$ money funds$ safe$ raise "
                        "backed",
    "backers_approached": "approached contacted emailed pinged messaged reached out",
    "backers_setback": "rejected fundrais raise$ round$ bridge combinator yc$ techstars "
                       "accelerator antler ipo$ listing flotation offering placing",
    # the auditing firms by name: "audit" alone is every compliance post's word
    "community_audit": "certik trail of bits openzeppelin quantstamp halborn spearbit zellic "
                       "cantina code4rena sherlock hacken peckshield consensys least authority "
                       "kudelski ncc group cure53 ottersec chainsecurity runtime verification "
                       "sigma prime",
    # spoken.py: milestones said in words, firsts, records in prose; customers going live
    "spoken": "hundred thousand dozen digits figures$ figure$ six-figure seven-figure million "
              "billion ever$ all-time all time history to date so far record first revenue "
              "first dollar first payment first paid invoice first customer first client "
              "first design first million first $1 first $2 first $3 first $4 first $5 "
              "first $6 first $7 first $8 first $9 first \u20ac first \u00a3 "
              # first_sale's phrases hide the "first revenue" that follows them
              "got our first got my first landed our first made our first made my first "
              "closed our first never had never seen first time",
    "spoken_live": "live$ live on live in live with production daily every day day-to-day "
                   "day to day rolled",
    "spoken_kept": "re-up reup came back signed on stayed on staying extended recommitted "
                   "renewed moved migrated switched standardiz standardis consolidated running "
                   "runs$ expand extend grew growing doubled tripled quadrupled churn cancel "
                   "downgrad",
}
# Phrases of two or more words are matched as written; single words as stems.


def _stems(spec: str) -> list[str]:
    words = spec.split()
    out, i = [], 0
    multi = {"team up", "joins with", "join forces", "joins forces", "joined forces",
             "joining forces", "joins hands",
             "term sheet", "down round", "backed by", "reached out", "reaching out", "data room",
             "wants to", "would like", "would love", "keen to", "eager to", "partner meeting",
             "ic meeting", "investment committee", "merged with", "feature in", "feature on",
             "feature about", "left the", "left us", "hiring freeze", "freezing hiring",
             "freeze on hiring", "arrived in", "arrives in", "broke for", "broke in",
             "failed the audit", "failed our audit", "audit was delayed", "audit delayed",
             "qualified opinion", "deep dive", "soc 1", "soc 2", "soc 3",
             "csa star", "cyber essentials", "nis 2", "ce mark", "pen test", "write-up",
             "buy us", "acquire us",  # coverage.py's phrases
             "under 30", "github star", "docker captain",  # airtime.py's phrases
             "email from", "emails from", "message from", "dm from",  # inbound.py's phrases
             "business insider", "the information", "fast company", "the verge",
             "financial times", "wall street journal", "the register", "ars technica",
             "the guardian",  # airtime.py's outlets
             "went up", "paid for itself", "of the year", "game changer", "life saver",
             "perfect score", "full marks", "best tool", "best product",
             "best vendor", "best app", "best platform", "best partner",  # outcomes.py's
             "top of", "best performing", "top score", "first place",
             "top spot", "battery life", "reported on", "dedicated to", "wrote up",
             "in the news", "made it into", "reviews of", "shot up", "media mentions",
             "media coverage", "been down",
             "cover of",  # recognition.py's and measured.py's phrases
             "went on", "was on", "were on", "was a guest",
             "top honors", "top honours", "best in show",
             "op-ed", "front page", "we're in", "we are in", "we were in", "vice president",
             "head of", "general counsel", "staff engineer", "general manager", "managing director",
             "country manager", "stepping down", "stepped down", "steps down", "last day",
             "let go", "moving on", "laid off", "lay off", "reduction in force", "job cuts",
             "new executive", "new leadership", "new senior", "launched in", "launches in",
             "live in", "new office", "new region", "new data", "new market", "new hub",
             "new zone", "data center", "data centre", "first customer in", "first client in",
             "first deal in", "first office", "available in", "availability in", "now serving",
             "set up", "data residency", "pull out", "pulled out", "pulling out",
             "app exchange", "app directory", "joint venture", "teamed up", "teams up",
             "went with", "goes with", "came on", "comes on", "on board", "sent back",
             "sent over", "rolling out", "new logo", "fell through", "fell apart", "backed out",
             "walked away", "order form", "purchase order", "case study", "customer story",
             "success story", "net promoter", "not renewing", "won't renew", "didn't renew",
             "short of", "run rate", "top line", "net income", "order intake", "order backlog",
             "order book", "broke even", "break even", "response time", "load time",
             "page load", "build time", "query time", "cold start", "startup time",
             "time to first", "per second", "error rate", "messages per", "deploy time",
             "ci time", "test suite", "bundle size", "app size", "pr time", "search time",
             "went down", "was down", "is down", "were down", "data loss", "lost data",
             "root cause", "failed over", "took home", "took first", "rolled out",
             "generally available", "general availability", "goes live", "out now",
             "no longer available", "render time", "rendering time", "cloud bill", "aws bill",
             "gcp bill", "azure bill", "infra bill", "board of", "board member", "the board",
             "our board", "launch is", "expansion is", "office is", "team is",
             "open for business",
             "up and running", "biggest deal", "largest deal", "largest contract",
             "biggest contract", "now selling in", "selling in", "first customer there",
             "out as", "said goodbye", "roles cut", "of the team", "of our team", "of the company",
             "of staff", "of our staff", "decided to leave", "offer signed", "offer accepted",
             "started as",
             "unauthorized access", "data leak", "passed away",
             "reduce the team", "reduced the team",
             "reduce our team", "reduced our team", "first release", "initial release",
             "open sourc", "major version", "first version", "opening up", "opened up",
             "opens up", "open up", "payments in", "billing in", "pricing in",
             "language support", "picked up by", "written up", "is a new", "is our new",
             "launching in", "ship to", "ships to", "first employee in", "first hire in",
             "first engineer in",
             "time spent", "operations per", "writes per", "reads per", "time it takes",
             "index size", "database size", "image size",
             "is out",
             "are out", "is here", "are here", "release of", "sat down", "guest on", "excited to",
             "now support", "out of beta", "available to everyone", "available to all",
             "you can now", "you can finally", "now works with",
             "now integrates with",
             "now offer", "now out", "now ready", "make it official", "it's official",
             "publicly available", "widely available", "open to everyone", "open to all",
             "open to the public", "ships today", "ships now", "say hello to", "launch of",
             "debut of", "magic quadrant", "forrester wave",
             "asked to", "asked for",
             "asking to", "asking for", "pushed back", "to buy", "step down", "fine of",
             "relies on", "switched to",
             "migrated to", "moved to", "security issue", "product of the", "full time",
             "full-time", "spot on", "hype cycle", "included in", "listed in",
             "standardizes on", "standardises on", "product hunt", "pay freeze",
             "salary freeze", "wage freeze", "freezes pay", "freezing pay", "size of",
             "open to", "asking if", "asked if", "to sell", "sale of", "letter of intent",
             "pulled the plug", "wound down", "winding down", "went nowhere", "email list",
             "page views", "went from", "gone from",
             "review from", "review by", "reviews from",
             "reviews by", "youtube review", "the top of", "did well on",
             "sold my first", "sold our first", "got our first",
             "got my first", "landed our first", "made our first", "made my first",
             "closed our first", "first paying", "first paid", "first sale", "first pre",
             "didn't hit", "did not hit", "didn't reach", "did not reach", "didn't make",
             "did not make", "didn't meet", "did not meet", "failed to hit", "failed to reach",
             "failed to meet",
             # spoken.py's phrases
             "all time", "to date", "so far", "first revenue", "first dollar", "first payment",
             "first paid invoice", "first customer", "first client", "first design",
             "first million", "every day", "day to day", "live with", "first $1", "first $2",
             "never had", "never seen", "first time", "came back", "signed on", "stayed on",
             "first $3", "first $4", "first $5", "first $6", "first $7", "first $8", "first $9",
             "first \u20ac", "first \u00a3",
             "shipping to", "shipping in",
             "calls with", "meetings with", "call with",
             "chats with", "hacker news", "indie hackers", "top post", "top story",
             "customer count", "user count", "returns to", "returned to", "swung to",
             "swings to", "back to", "lays off", "requires improvement", "told to",
             "hit with", "ran out", "runs out", "ordered to", "must pay", "to pay", "will not",
             "hit by", "hurt by", "stayed flat", "remained flat", "freezes hiring",
             "pushes back", "no longer", "decided not to", "didn't manage", "did not manage",
             "down from", "down by", "down about", "down some", "down nearly", "down almost",
             "down more than", "down eur", "down usd", "decrease of", "decline of",
             "drop of", "fall of", "reduction of", "lower than", "compared to", "compared with",
             "down 0", "down 1", "down 2", "down 3", "down 4", "down 5", "down 6", "down 7",
             "down 8", "down 9", "said goodbye to", "not able", "down for", "offline for",
             "class action", "handed in", "over us", "rather than", "job losses", "market share",
             "number of", "called off",
             "fell flat", "not pass", "n't pass", "weighed on", "weighs on",
             "ate into", "eats into", "instead of us", "pay cut", "came in", "wind down",
             "weaker than", "worse than", "poorer than", "decrease in", "decline in", "drop in",
             "fall in", "reduction in", "slump in", "slide in", "given notice", "reduced by",
             "decreased by", "went backwards", "moved backwards",
             "fell off", "broken for", "unavailable for", "unreachable for", "failing for",
             "calling off",
             "winds down",
             "wasn't able", "weren't able", "failed to",
             # orders.py's and cutbacks.py's phrases
             "selected as", "chosen as", "picked as", "appointed as", "named as",
             "awarded the contract", "chosen vendor", "chosen supplier", "selected vendor",
             "selected supplier", "preferred vendor", "preferred supplier", "put a hold on",
             "parting ways", "laying off", "exporting to", "operating in", "doors in",
             "not selected", "not chosen", "not picked",
             # earnings.py's phrases
             "into the red", "earnings per share",
             # markets2.py's phrases
             "operations in", "operations into",
             "operations to", "activities in", "activities to", "sales in", "sales to",
             "services in", "services to", "service in", "service to", "business in",
             "business to", "business into", "deliveries in", "production in", "manufacturing in",
             "trading in", "distribution in", "presence in", "presence into", "presence to",
             "footprint in", "footprint to", "footprint into", "reach to", "reach into",
             "network to", "network into", "coverage to", "offering in", "offering to",
             "broadband in", "subsidiary in", "set foot", "sets foot", "setting foot",
             "first store", "first shop", "first location", "first branch",
             "first station", "first dispensary", "first clinic", "first restaurant", "first cafe",
             "first showroom", "first plant", "first factory", "first warehouse", "first hub",
             "first hotel", "first outlet", "first pop", "first site", "first data",
             "first international", "first european", "first us", "first overseas",
             "first foreign", "sales office",
             # results.py's phrases
             "api calls", "power consumption", "power draw", "energy use", "disk usage",
             "frame rate", "hit rate", "write speed", "read speed", "number one",
             "used to take", "instead of",
             "expands into", "expanded into", "expanding into", "moves into", "moved into",
             "break into", "breaks into", "broke into", "rolls out", "available to",
             "user base", "customer base", "subscriber base", "member base", "market entry",
             "of all time",
             # corporate.py's phrases
             "takes over", "took over", "come together", "comes together", "came together",
             "head office", "credit rating", "capital expenditure", "run out",
             "running out", "stopped selling", "warning letter",
             # community.py's phrases
             "blog post", "had us", "had our", "added to", "listed on", "accepted into",
             "merged into", "integrated into", "integrated in", "available on", "live on",
             "now has", "now offers", "now supports", "now includes", "now powers",
             "taken down", "took down", "now live", "now released",
             "now available", "is live", "is finally", "discord members", "community members",
             "no communication", "no more communication", "no contact", "team split",
             "team has split", "parted ways", "algorithm is out", "effective immediately",
             "until further notice", "cease and desist", "dmca takedown", "legal threat",
             "latest addition", "newest addition", "newest member", "latest member",
             "newest hire", "latest hire", "development on", "development of", "are down",
             "shout-out to", "shoutout to", "thanks to", "thank you to", "kudos to",
             "early access", "guests on", "trading on", "over to", "is offline",
             "are offline", "went offline", "is unavailable", "are unavailable",
             "verified on", "certified on", "review of", "welcomed our", "discord member",
             "community member", "shut down", "shutting down",
             "partner program", "partner programme", "startup program", "startup programme",
             "developer program", "developer programme", "partner network", "inception program",
             "trail of bits", "least authority", "ncc group", "runtime verification",
             "sigma prime",
             # members.py's phrases
             "to release", "now live]",
             # companylife.py's phrases
             "becoming part of", "become part of", "became part of", "new name", "our name",
             "its name", "company name", "known as", "now called", "real company",
             "is part of", "came first", "came second", "came third", "placed first",
             "placed second", "placed third",
             "cool vendor", "winner of",
             # welcomes.py's phrases
             "move on", "moved on", "part of", "brought on", "took on", "away from",
             "part ways", "bought by", "purchased by", "snapped up", "taken over",
             "first hire", "first employee", "now part of", "now a part of",
             "officially part of", "added a", "added our", "is now my", "is now our",
             "is officially",
             # shipped.py's phrases
             "new release", "new version", "app store", "play store", "switch on",
             # launchforms.py's phrases
             "say hi", "open to anyone", "hats off", "great job", "nice work", "well done",
             "out the door",
             # assurance.py's phrases
             "security audit", "security assessment", "red team", "surveillance audit",
             "top safety pick", "data processing", "business associate", "standard contractual",
             "21 cfr", "iec 62304", "iec 62443", "energy star", "common criteria", "unable to",
             "seeing errors", "seeing elevated", "not loading", "timing out", "status page",
             "lost some data", "lost customer data", "introduced a", "introduced an",
             "aware of", "looking into", "fix for", "responding to", "government certification",
             "governmental certification", "type approval", "star worksite", "safety award",
             "safety recognition", "safety record",
             # setbacks.py's phrases
             "moving off",
             "replaced us", "replacing us", "swapped us", "ripped us", "passed on",
             "stopped development", "stop development", "stopping development",
             "ended development", "halted development", "team from", "headcount from",
             "staff from", "workforce from", "missed by", "missed it", "missed plan",
             "cease operations", "ceasing operations", "will cease",
             "reduced the team from", "reduced our team from", "cut the team from",
             "cut our team from", "team went from", "headcount went from",
             "only 1", "only 2", "only 3", "only 4", "only 5", "only 6", "only 7", "only 8",
             "only 9", "only one", "only two", "only three", "only four", "only five",
             "only a few", "only a handful", "on hold", "put on hold", "decided not",
             "opted not", "elected not", "decides not",
             "his notice", "her notice", "their notice", "weeks' notice", "notice of",
             "us notice", "gave notice", "behind plan", "below plan", "under plan",
             "could not", "between 0", "between 1", "between 2",
             # chatnews.py's phrases
             "added to the team", "added to our team", "say hi to", "not working",
             "none of", "is the new", "have a new", "got a new", "re down", "s down",
             "all down", "still down",
             # theirs.py's phrases
             "down again", "not responding", "returning 5", "throwing 5", "serving 5",
             "returning error", "throwing error", "returning timeout", "erroring with",
             "failing with", "acquired us", "bought us", "show hn", "available from",
             "available through", "available via", "offered by", "offered through",
             "sold through", "sold by", "as a service", "made reddit", "made hacker news",
             "made hn", "made slashdot", "made techmeme", "made r/", "made it to",
             "made it onto"}
    while i < len(words):
        for n in (4, 3, 2):
            phrase = " ".join(words[i:i + n])
            if phrase in multi:
                out.append(phrase)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (literal), shared prefixes factored out."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: Mapping[str, Mapping]) -> str:  # type: ignore[type-arg]
    alts, optional = [], False
    for ch, child in sorted(node.items()):
        if ch == "":
            optional = True
            continue
        alts.append(re.escape(ch) + _emit(child) if child else re.escape(ch))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
    return f"{body}?" if optional and len(alts) == 1 and len(alts[0]) == 1 else \
        (f"(?:{'|'.join(alts)})?" if optional else body)


_OPEN: dict[str, frozenset[str]] = {}  # stem -> detectors, whatever follows it
_WHOLE: dict[str, frozenset[str]] = {}  # stem -> detectors that want it to end a word
for _detector, _spec in STEMS.items():
    for _stem in _stems(_spec):
        table = _WHOLE if _stem.endswith("$") else _OPEN
        _stem = _stem.rstrip("$")
        table[_stem] = table.get(_stem, frozenset()) | {_detector}
# The trie matches the longest stem at a position; a shorter stem it starts with ("clos" in
# "closed") calls for its detectors too. Each stem looks up its own prefixes (not every other
# stem: that was quadratic, most of this package's import time).
_OPEN = {stem: frozenset().union(d, *(_OPEN[stem[:k]] for k in range(len(stem))
                                      if stem[:k] in _OPEN))
         for stem, d in _OPEN.items()}
STEM_DETECTORS = {stem: _OPEN.get(stem, frozenset()) | _WHOLE.get(stem, frozenset())
                  for stem in {*_OPEN, *_WHOLE}}
# community.py's and chatnews.py's phrases open on a word that is no cue ("now available", "is
# live", "none of"): matched whole, they hide the cue of a later word ("available", "live in",
# "of the team"), so they call its detectors too.
# Read from a snapshot, phrases in sorted order: updating the table while reading it made each
# phrase's detectors depend on set order, so the cues changed with PYTHONHASHSEED.
_BEFORE = dict(STEM_DETECTORS)
for _stem in sorted({p for d, spec in STEMS.items() if d.startswith(("community_", "chatnews_"))
                     for p in _stems(spec) if " " in p}):
    for _word in _stem.split(" ")[1:]:
        _inner = {d for w, d in _BEFORE.items()
                  if (_word.startswith(w) if " " not in w else w.split(" ")[0] == _word)}
        if _inner:
            _more = frozenset().union(*_inner)
            STEM_DETECTORS[_stem] = STEM_DETECTORS[_stem] | _more
            if _stem in _OPEN:
                _OPEN[_stem] = _OPEN[_stem] | _more
# Longest first at one position comes from the trie being greedy on shared prefixes; a stem
# that must end a word is checked after the match.
GATE = re.compile(r"(?<![a-z0-9])(?:" + _trie(sorted(STEM_DETECTORS)) + ")")
# Major-version headings ("## [4.0.0] - 2025-01-21") have no word to gate on.
HEADING = re.compile(r"(?m)^\W{0,6}v?[1-9]\d*\.0(?:\.0)?\b")
# A product and its release version opening a post ("meshcore firmware v1.9.0", changelog.py).
NAMED_HEADING = re.compile(r"^\W{0,4}[a-z][\w.-]*(?: [\w.-]+){0,4}? v?(?:[1-9]\d*\.0"
                           r"|\d+\.[1-9]\d*\.0)\b")


def cues(low: str) -> list[tuple[int, frozenset[str]]]:
    """(position, detector names) of every cue in lower-cased ``low``."""
    out = []
    whole, part, size = STEM_DETECTORS.get, _OPEN.get, len(low)
    for m in GATE.finditer(low):
        end = m.end()
        detectors = part(m.group()) if end < size and low[end].isalnum() else whole(m.group())
        if detectors:
            out.append((m.start(), detectors))
        if end < size and low[end].isalnum() and " " in m.group():
            # a phrase's last word may start a cue of its own: "we're in" + "introducing"
            inner = _inner_cue(low, m.start() + m.group().rindex(" ") + 1)
            if inner:
                out.append(inner)
    if ".0" in low:
        out.extend((m.end() - 1, _LAUNCH) for m in HEADING.finditer(low))
        named = NAMED_HEADING.match(low)
        if named:
            out.append((named.end() - 1, _LAUNCH))  # inside the sentence, past an emoji
    return out


_LAUNCH = frozenset({"launch"})


def _inner_cue(low: str, at: int) -> tuple[int, frozenset[str]] | None:
    m = GATE.match(low, at)
    if m is None:
        return None
    end = m.end()
    detectors = _OPEN.get(m.group()) if end < len(low) and low[end].isalnum() \
        else STEM_DETECTORS.get(m.group())
    return (at, detectors) if detectors else None
