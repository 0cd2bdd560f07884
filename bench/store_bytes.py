"""Bytes on disk per message in the message stores, against the CSV's own bytes.

    python bench/store_bytes.py --rows 1000000 --store sqlite
    python bench/store_bytes.py --rows 1000000 --store cassandra --cluster-root .services

Generates the CSV, stores every message through the store's own `put_many` (as the worker
does, with the documents as they travel on the bus), marks them extracted, then measures:
SQLite, the database file after a WAL checkpoint; Cassandra, the keyspace's data folders on
every node of the local cluster (`signalpipe services up --nodes 3`) after `nodetool flush`
and a major compaction, in a keyspace with one replica (bytes per stored copy). Prints one
JSON line.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from signalpipe.models import Message
from signalpipe.sample.generate import generate
from signalpipe.sources.csv import CSVSource

_CHUNK = 2000


def _chunks(csv_path: Path) -> Iterator[list[Message]]:
    chunk: list[Message] = []
    for item in CSVSource(csv_path, company_id="bytes").read(None):
        if isinstance(item, Message):
            chunk.append(item)
            if len(chunk) == _CHUNK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def _fill(store: Any, csv_path: Path) -> int:
    n = 0
    for chunk in _chunks(csv_path):
        docs = [m.model_dump_json().encode() for m in chunk]
        store.put_many(chunk, docs)
        store.mark_extracted([m.id for m in chunk])
        n += len(chunk)
    return n


def _sqlite(csv_path: Path, work: Path) -> dict[str, Any]:
    from signalpipe.stores.sqlite import SQLiteMessageStore

    path = work / "messages.db"
    store = SQLiteMessageStore(path)
    n = _fill(store, csv_path)
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"messages": n, "store_bytes": path.stat().st_size}


def _dir_bytes(paths: list[Path]) -> int:
    return sum(f.stat().st_size for p in paths for f in p.rglob("*") if f.is_file())


def _cassandra(csv_path: Path, root: Path) -> dict[str, Any]:
    from signalpipe.services import cluster
    from signalpipe.stores.cassandra import CassandraMessageStore

    config = cluster.ClusterConfig()
    keyspace = f"bytes_{uuid.uuid4().hex[:8]}"
    store = CassandraMessageStore(config.cassandra_hosts(), port=config.cassandra_port,
                                  keyspace=keyspace, replication_factor=1, retry_for_s=120)
    try:
        n = _fill(store, csv_path)
        for i in config.node_ids():
            cluster.nodetool(i, "flush", keyspace, root=root, config=config)
            cluster.nodetool(i, "compact", keyspace, root=root, config=config)
        dirs = [d for i in config.node_ids() for d in
                (cluster.cluster_root(root) / f"node{i}" / "data" / "cassandra" / "data"
                 ).glob(keyspace)]
        size = _dir_bytes(dirs)
    finally:
        store.drop()
        store.close()
    return {"messages": n, "store_bytes": size, "keyspace_folders": len(dirs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--store", choices=("sqlite", "cassandra"), default="sqlite")
    parser.add_argument("--cluster-root", type=Path, default=None,
                        help="the services folder holding cluster/ (default: the services')")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="store-bytes-") as tmp:
        work = Path(tmp)
        csv_path = work / "traffic.csv"
        generate(args.rows, args.seed, csv_path, work / "truth.jsonl")
        started = time.perf_counter()
        if args.store == "sqlite":
            result = _sqlite(csv_path, work)
        else:
            result = _cassandra(csv_path, args.cluster_root)
        csv_bytes = csv_path.stat().st_size
    result.update(store=args.store, rows=args.rows, csv_bytes=csv_bytes,
                  ratio=round(result["store_bytes"] / csv_bytes, 2),
                  bytes_per_message=round(result["store_bytes"] / max(1, result["messages"]), 1),
                  seconds=round(time.perf_counter() - started, 1))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
