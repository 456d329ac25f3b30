"""The local stack's workspace parts: the jobs API with its identity issuer and IAP proxy, and the upload trigger.

Kept apart from devstack.stack so the stack without them (make run, the reliability tests) is unchanged:
each part starts only when StackConfig asks for it, and is stopped with the rest of the stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devstack.function_servers import FunctionServer, repo_root
from devstack.iap_proxy import LocalIapProxy
from devstack.identity_issuer import LocalIssuer
from devstack.stack_client import StackClient
from devstack.upload_trigger import PubSubEmulator, PushAdapter, storage_event_args

API_AUDIENCE = "/projects/labeliq-local/locations/local/services/labeliq-api"


@dataclass
class _Stopper:
    """A thread-served part, stoppable like a process."""

    name: str
    part: Any

    def stop(self, timeout_s: float = 10.0, sig: int = 0) -> None:
        self.part.stop()


class WorkspaceParts:
    def __init__(self, project: str, input_bucket: str, log_dir: Path, *, api: bool, upload_trigger: bool) -> None:
        self.project = project
        self.input_bucket = input_bucket
        self.log_dir = log_dir
        self.pubsub = PubSubEmulator(log_dir, project) if upload_trigger else None
        self.adapter: PushAdapter | None = None
        self.issuer = LocalIssuer() if api else None
        self.api_server: FunctionServer | None = None
        self.proxy: LocalIapProxy | None = None

    def storage_options(self) -> dict[str, Any]:
        if self.pubsub is None:
            return {}
        return {
            "extra_args": storage_event_args(self.project, self.input_bucket),
            "extra_env": {"PUBSUB_EMULATOR_HOST": self.pubsub.host},
        }

    def start_before_storage(self) -> list[Any]:
        """The Pub/Sub emulator, its topic and push subscription, and the adapter: up before any upload."""
        if self.pubsub is None:
            return []
        started: list[Any] = [self.pubsub.process.start()]
        self.pubsub.start_wait()
        self.adapter = PushAdapter(None).start()  # the stack client is set once the functions are up
        started.append(_Stopper("push adapter", self.adapter))
        self.pubsub.create_push_subscription(self.adapter.url)
        return started

    def api_env(self, env: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
        assert self.issuer is not None
        return {
            **env,
            "LABELIQ_IAP_AUDIENCE": API_AUDIENCE,
            "LABELIQ_IAP_ISSUER": self.issuer.issuer,
            "LABELIQ_IAP_CERTS_URL": self.issuer.certs_url,
            **extra,
        }

    def start_api(self, env: Mapping[str, str], extra: Mapping[str, str]) -> list[Any]:
        """The issuer, the api function (same settings as in the cloud, pointed at the issuer), then the proxy."""
        if self.issuer is None:
            return []
        self.issuer.start()
        started: list[Any] = [_Stopper("identity issuer", self.issuer)]
        source = repo_root() / "functions" / "api" / "main.py"
        self.api_server = FunctionServer("api", self.log_dir, self.api_env(env, extra), source=source).start()
        started.append(self.api_server.process)
        self.api_server.wait_ready()
        self.proxy = LocalIapProxy(self.issuer, self.api_server.url, API_AUDIENCE).start()
        started.append(_Stopper("IAP proxy", self.proxy))
        return started

    def finish_start(self, client: StackClient) -> None:
        if self.adapter is not None:
            self.adapter.client = client
        if self.proxy is not None and self.issuer is not None:
            client.api_url = self.proxy.url
            client.issuer_url = self.issuer.url
