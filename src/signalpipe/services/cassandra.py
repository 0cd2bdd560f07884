"""Apache Cassandra 5.0: one node, `CassandraDaemon` run straight from Maven jars on Java 17."""

from __future__ import annotations

import logging
from pathlib import Path
from string import Template

from . import maven, probes, process, system
from .base import Service

logger = logging.getLogger(__name__)

_POM = "cassandra-pom.xml"

# From conf/jvm-server.options, less what only suits big production hosts (AlwaysPreTouch
# makes start-up slow; heap dumps of a test node fill the disk). Exiting on OutOfMemoryError is
# what Cassandra's start-up check asks for: a node limping on after one can corrupt data.
_JVM_SERVER = (
    "-ea",
    "-XX:+ExitOnOutOfMemoryError",
    "-da:net.openhft...",
    "-XX:+UseThreadPriorities",
    "-XX:+UseTLAB",
    "-XX:+ResizeTLAB",
    "-XX:+PerfDisableSharedMem",
    "-Djava.net.preferIPv4Stack=true",
)

# From conf/jvm17-server.options: G1 settings, the module opens Cassandra needs on Java 17,
# and Netty's allocator settings.
_JVM17_SERVER = (
    "-XX:+UseG1GC",
    "-XX:+ParallelRefProcEnabled",
    "-XX:MaxTenuringThreshold=1",
    "-XX:G1HeapRegionSize=16m",
    "-XX:G1RSetUpdatingPauseTimePercent=5",
    "-XX:MaxGCPauseMillis=300",
    "-XX:InitiatingHeapOccupancyPercent=70",
    "-Djdk.attach.allowAttachSelf=true",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
    "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
    "--add-exports=java.sql/java.sql=ALL-UNNAMED",
    "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
    "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dio.netty.allocator.useCacheForAllThreads=true",
    "-Dio.netty.allocator.maxOrder=11",
)

# A lone seed has no one to gossip with: skip the settle wait and shorten the ring delay.
_FAST_SINGLE_NODE = (
    "-Dcassandra.skip_wait_for_gossip_to_settle=0",
    "-Dcassandra.ring_delay_ms=1000",
)


class CassandraService(Service):
    """A single Cassandra node whose CQL port answers OPTIONS/STARTUP."""

    name = "cassandra"
    # Two cores and a cold JIT: the first boot creates every system table.
    start_timeout_s = 180.0
    # SIGTERM drains memtables to disk before exit.
    stop_timeout_s = 60.0

    @property
    def port(self) -> int:
        return self.config.cassandra_port

    @property
    def ports(self) -> tuple[int, ...]:
        jmx = (self.config.cassandra_jmx_port,) if self.config.cassandra_jmx_port else ()
        return (self.config.cassandra_port, self.config.cassandra_storage_port, *jmx)

    @property
    def log_file(self) -> Path:
        return self.layout.logs(self.name) / "cassandra.log"

    @property
    def _lib(self) -> Path:
        return self.layout.lib(self.name)

    @property
    def _marker(self) -> str:
        return f"-Dsignalpipe.service={self.name}@{self.layout.root}"

    def url(self) -> str:
        return f"{self.config.host}:{self.port}"

    def version(self) -> str:
        return maven.jar_version(self._lib, "cassandra-all")

    def pid(self) -> int | None:
        return process.find_own(self.layout.pidfile(self.name), self._marker)

    def answers(self) -> bool:
        return probes.cql_ready(self.config.host, self.port)

    def fetch(self) -> None:
        maven.ensure_classpath(self._lib, _POM)

    def prepare(self) -> None:
        self.fetch()
        conf = self.layout.conf(self.name)
        (conf / "triggers").mkdir(parents=True, exist_ok=True)
        self.layout.data(self.name).mkdir(parents=True, exist_ok=True)
        self.layout.logs(self.name).mkdir(parents=True, exist_ok=True)
        yaml = Template(system.resource_text("cassandra.yaml")).substitute(
            host=self.config.host,
            data=self.layout.data(self.name),
            storage_port=self.config.cassandra_storage_port,
            native_port=self.config.cassandra_port,
            **self._node_values(),
        )
        (conf / "cassandra.yaml").write_text(yaml)
        (conf / "logback.xml").write_text(system.resource_text("cassandra-logback.xml"))

    def _node_values(self) -> dict[str, str]:
        """Cluster name, seeds, token and hints: a lone node is its own seed and owns the ring."""
        seed = f"{self.config.host}:{self.config.cassandra_storage_port}"
        return {"cluster_name": "signalpipe", "seeds": seed, "initial_token": "0",
                "hints": "false"}

    def _fast_start(self) -> tuple[str, ...]:
        return _FAST_SINGLE_NODE

    def launch(self) -> None:
        pid = process.spawn_detached(
            self._command(), log=self.log_file, cwd=self.layout.data(self.name)
        )
        process.write_pid(self.layout.pidfile(self.name), pid)
        logger.info("cassandra launched (pid %d), log %s", pid, self.log_file)

    def _command(self) -> list[str]:
        conf = self.layout.conf(self.name)
        heap = self.config.cassandra_heap_mb
        jamm = sorted(self._lib.glob("jamm-*.jar"))
        # jamm measures object sizes for memtable accounting; as an agent it needs no Unsafe.
        agent = [f"-javaagent:{jamm[0]}"] if jamm else []
        jmx = self.config.cassandra_jmx_port
        # Local-only JMX keeps nodetool usable for debugging without exposing anything.
        jmx_flags = [f"-Dcassandra.jmx.local.port={jmx}"] if jmx else []
        return [
            system.java(),
            f"-Xms{heap}m",
            f"-Xmx{heap}m",
            *_JVM_SERVER,
            *_JVM17_SERVER,
            *agent,
            *jmx_flags,
            *self._fast_start(),
            f"-Dcassandra.config=file://{conf / 'cassandra.yaml'}",
            f"-Dlogback.configurationFile={conf / 'logback.xml'}",
            f"-Dcassandra.logdir={self.layout.logs(self.name)}",
            f"-Dcassandra.storagedir={self.layout.data(self.name)}",
            f"-Dcassandra.triggers_dir={conf / 'triggers'}",
            # Keeps stdout open (and so JVM errors in our log); Cassandra closes it otherwise.
            "-Dcassandra-foreground=yes",
            self._marker,
            "-cp",
            f"{conf}:{self._lib}/*",
            "org.apache.cassandra.service.CassandraDaemon",
        ]
