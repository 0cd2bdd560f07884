"""Apache Kafka 4 in KRaft mode: one process that is both broker and controller."""

from __future__ import annotations

import base64
import logging
import subprocess
import uuid
from pathlib import Path
from string import Template

from . import maven, probes, process, system
from .base import Service, ServiceError

logger = logging.getLogger(__name__)

_POM = "kafka-pom.xml"
# The same JVM flags kafka-run-class.sh uses for the server.
_JVM_FLAGS = (
    "-server",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-Djava.awt.headless=true",
)


def _random_cluster_id() -> str:
    """What `kafka-storage.sh random-uuid` prints, without starting a JVM for it.

    16 random bytes in unpadded URL-safe base64; like Kafka, avoid a leading "-", which the
    storage tool would read as an option.
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


class KafkaService(Service):
    """`kafka.Kafka server.properties` with jars from Maven Central."""

    name = "kafka"
    start_timeout_s = 90.0
    # A clean shutdown flushes logs and writes a metadata snapshot; give it time before SIGKILL.
    stop_timeout_s = 45.0

    @property
    def port(self) -> int:
        return self.config.kafka_port

    @property
    def ports(self) -> tuple[int, ...]:
        return (self.config.kafka_port, self.config.kafka_controller_port)

    @property
    def log_file(self) -> Path:
        return self.layout.logs(self.name) / "kafka.log"

    @property
    def _lib(self) -> Path:
        return self.layout.lib(self.name)

    @property
    def _properties(self) -> Path:
        return self.layout.conf(self.name) / "server.properties"

    @property
    def _marker(self) -> str:
        # Identifies our JVM among others (a reused pid, another checkout's Kafka).
        return f"-Dsignalpipe.service={self.name}@{self.layout.root}"

    def url(self) -> str:
        return f"{self.config.host}:{self.port}"

    def version(self) -> str:
        return maven.jar_version(self._lib, "kafka_2.13")

    def pid(self) -> int | None:
        return process.find_own(self.layout.pidfile(self.name), self._marker)

    def answers(self) -> bool:
        return (probes.kafka_broker_count(self.config.host, self.port) or 0) >= 1

    def fetch(self) -> None:
        maven.ensure_classpath(self._lib, _POM)

    def prepare(self) -> None:
        self.fetch()
        self._write_config()
        if not (self.layout.data(self.name) / "meta.properties").exists():
            self._format_storage()

    def launch(self) -> None:
        cmd = [
            *self._java(),
            f"-Xms{min(256, self.config.kafka_heap_mb)}m",
            f"-Xmx{self.config.kafka_heap_mb}m",
            *_JVM_FLAGS,
            self._marker,
            "kafka.Kafka",
            str(self._properties),
        ]
        pid = process.spawn_detached(cmd, log=self.log_file, cwd=self.layout.data(self.name))
        process.write_pid(self.layout.pidfile(self.name), pid)
        logger.info("kafka launched (pid %d), log %s", pid, self.log_file)

    def _java(self) -> list[str]:
        conf = self.layout.conf(self.name)
        return [
            system.java(),
            f"-Dlog4j2.configurationFile={conf / 'log4j2.xml'}",
            f"-Dkafka.logs.dir={self.layout.logs(self.name)}",
            "-cp",
            f"{self._lib}/*",
        ]

    def _write_config(self) -> None:
        conf = self.layout.conf(self.name)
        conf.mkdir(parents=True, exist_ok=True)
        data = self.layout.data(self.name)
        data.mkdir(parents=True, exist_ok=True)
        self.layout.logs(self.name).mkdir(parents=True, exist_ok=True)
        properties = Template(system.resource_text("kafka-server.properties")).substitute(
            host=self.config.host,
            port=self.config.kafka_port,
            controller_port=self.config.kafka_controller_port,
            log_dirs=data,
            **self._node_values(),
        )
        self._properties.write_text(properties)
        (conf / "log4j2.xml").write_text(system.resource_text("kafka-log4j2.xml"))

    def _node_values(self) -> dict[str, str]:
        """Node id, quorum voters and replica counts: a lone node is voter 1 with one replica."""
        voters = f"1@{self.config.host}:{self.config.kafka_controller_port}"
        return {"node_id": "1", "voters": voters, "replicas": "1", "min_isr": "1"}

    def _cluster_id(self) -> str:
        """The id storage is formatted with; every node of one cluster must share it."""
        return _random_cluster_id()

    def _format_storage(self) -> None:
        cluster_id = self._cluster_id()
        cmd = [
            *self._java(),
            "kafka.tools.StorageTool",
            "format",
            "-t",
            cluster_id,
            "-c",
            str(self._properties),
        ]
        data = self.layout.data(self.name)
        logger.info("formatting kafka storage in %s (cluster id %s)", data, cluster_id)
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
        if done.returncode != 0:
            raise ServiceError(f"kafka storage format failed:\n{done.stdout}{done.stderr}")
