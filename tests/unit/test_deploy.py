"""deploy/ checked against the code.

Docker and Kubernetes do not run here or in CI, so the Dockerfile, the Compose file and
the manifests are only as right as these checks: every setting they name exists in
`Settings` and parses there, every service they run is one the CLI accepts, every port
is the one that service is configured to listen on, and every health check asks for a
route the service serves.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from pydantic import AliasChoices
from starlette.routing import Match

from services.cli import Service
from services.cli import app as cli_app
from services.cli import run as cli_run
from services.common.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "docker-compose.yml"

# Which settings say where each service listens. A new service in the CLI fails
# test_every_service_has_a_port_and_host until it is added here and deployed.
PORT_FIELD = {
    Service.ingest: "ingest_port",
    Service.projector: "projector_port",
    Service.extractor: "extractor_metrics_port",
}
HOST_FIELD = {
    Service.ingest: "ingest_host",
    Service.projector: "projector_host",
    Service.extractor: "extractor_host",
}
# The extractor's HTTP server (services/extractor/health.py) answers these and nothing else.
EXTRACTOR_PATHS = {"/metrics", "/healthz", "/readyz"}
PLACEHOLDER_REDIS = "redis://127.0.0.1:1/0"  # never connected to: building the apps does not connect


# --- the code's side --------------------------------------------------------------------


def allowed_env_names() -> set[str]:
    """Every variable Settings reads: its env prefix + field name, or the field's aliases."""
    prefix = Settings.model_config.get("env_prefix", "")
    names: set[str] = set()
    for name, info in Settings.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(f"{prefix}{name}".upper())
    return names


ALLOWED_ENV = allowed_env_names()
SETTINGS_ENV_NAME = re.compile(r"(?<![A-Za-z0-9_])(?:SITREP_[A-Z0-9_]+|REDIS_URL)\b")


def settings_from_env(env: dict[str, str]) -> Settings:
    """Settings as a container with exactly `env` would build them (the host's own
    SITREP_*/REDIS_URL variables are hidden). Raises if a value does not parse."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("SITREP_") or name == "REDIS_URL":
                patch.delenv(name)
        for name, value in env.items():
            patch.setenv(name, value)
        return Settings()


def service_port(service: Service, env: dict[str, str]) -> int:
    port = getattr(settings_from_env(env), PORT_FIELD[service])
    assert isinstance(port, int)
    return port


def serves_get(app: Any, path: str) -> bool:
    """Whether a GET of `path` reaches an endpoint, asked of the routes themselves
    (Starlette's `matches`), so routers included at any depth count."""
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "root_path": "",
        "headers": [],
        "query_string": b"",
    }
    return any(route.matches(scope)[0] is Match.FULL for route in app.routes)


@pytest.fixture(scope="module")
def serves() -> dict[Service, Callable[[str], bool]]:
    """For each service, whether it answers a GET of a path: the real FastAPI apps."""
    from services.ingest.api import create_app as create_ingest
    from services.projector.service import create_app as create_projector

    settings = Settings(redis_url=PLACEHOLDER_REDIS)
    ingest, projector = create_ingest(settings), create_projector(settings)
    return {
        Service.ingest: lambda path: serves_get(ingest, path),
        Service.projector: lambda path: serves_get(projector, path),
        Service.extractor: lambda path: path in EXTRACTOR_PATHS,
    }


def test_route_lookup_tells_served_from_unknown(serves: dict[Service, Callable[[str], bool]]) -> None:
    # Guards the lookup the health-check tests rely on.
    for service in (Service.ingest, Service.projector):
        assert serves[service]("/healthz") and serves[service]("/readyz")
        assert not serves[service]("/no-such-route")
    assert serves[Service.projector]("/metrics") and not serves[Service.ingest]("/metrics")


def cli_commands() -> set[str]:
    # Typer names a command after its function unless given a name.
    return {
        command.name or getattr(command.callback, "__name__", "") for command in cli_app.registered_commands
    }


def cli_run_choices() -> set[str]:
    """What `sitrep run` accepts: the values of the enum its argument is typed with."""
    assert "run" in cli_commands()
    annotation = typing.get_type_hints(cli_run, include_extras=True)["service"]
    assert typing.get_args(annotation)[0] is Service, "`sitrep run` no longer takes a Service"
    return {service.value for service in Service}


def test_every_service_has_a_port_and_host() -> None:
    assert set(PORT_FIELD) == set(Service) == set(HOST_FIELD)
    assert set(PORT_FIELD.values()) | set(HOST_FIELD.values()) <= set(Settings.model_fields)
    assert cli_run_choices() == {s.value for s in Service}


def test_allowed_env_names_are_derived_from_settings() -> None:
    # Guards the derivation itself: if it returned nothing, the other checks would pass vacuously.
    assert {"REDIS_URL", "SITREP_INGEST_PORT", "SITREP_CONSUMER_NAME", "SITREP_KEY_PREFIX"} <= ALLOWED_ENV
    assert "SITREP_REDIS_URL" in ALLOWED_ENV and "SITREP_NOPE" not in ALLOWED_ENV


def test_every_settings_name_in_deploy_exists() -> None:
    """Comments and README included: a misspelt name there misleads an operator too."""
    named: dict[str, set[str]] = {}
    for path in sorted(DEPLOY.rglob("*")):
        if path.is_file():
            for name in SETTINGS_ENV_NAME.findall(path.read_text(encoding="utf-8")):
                named.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    unknown = {name: files for name, files in named.items() if name not in ALLOWED_ENV}
    assert not unknown, f"not settings: {unknown}"
    assert "REDIS_URL" in named and "SITREP_CONSUMER_NAME" in named


# --- Dockerfile -------------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def args(self, keyword: str) -> list[str]:
        return [rest for kw, rest in self.instructions if kw == keyword]


def parse_dockerfile(text: str) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages, each a list of (INSTRUCTION, arguments) with
    continuation lines joined and comments dropped."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    assert not pending, "Dockerfile ends inside a continuation"
    global_args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in logical:
        keyword, _, rest = line.partition(" ")
        keyword, rest = keyword.upper(), rest.strip()
        if keyword == "FROM":
            words = rest.split()
            base = re.sub(r"\$\{(\w+)\}", lambda m: global_args[m.group(1)], words[0])
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(len(stages))
            stages.append(Stage(name, base))
        elif not stages and keyword == "ARG":
            key, _, default = rest.partition("=")
            global_args[key] = default
        else:
            assert stages, f"{keyword} before FROM"
            stages[-1].instructions.append((keyword, rest))
    return global_args, stages


def env_of(stage: Stage) -> dict[str, str]:
    env: dict[str, str] = {}
    for rest in stage.args("ENV"):
        for token in shlex.split(rest):
            key, sep, value = token.partition("=")
            assert sep, f"ENV in legacy `ENV key value` form: {rest}"
            env[key] = value
    return env


@pytest.fixture(scope="module")
def dockerfile() -> list[Stage]:
    _, stages = parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
    return stages


@pytest.fixture(scope="module")
def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def copy_sources(stage: Stage) -> list[str]:
    """What a stage's COPY instructions take from the build context (the last word is the target)."""
    return [w for rest in stage.args("COPY") for w in shlex.split(rest)[:-1] if not w.startswith("--")]


def image_env(stages: list[Stage]) -> dict[str, str]:
    """The settings a container of the image starts with (final stage's ENV only)."""
    return {k: v for k, v in env_of(stages[-1]).items() if SETTINGS_ENV_NAME.fullmatch(k)}


def test_dockerfile_is_multi_stage_on_python_311_slim(dockerfile: list[Stage]) -> None:
    assert len(dockerfile) >= 2
    assert {stage.base for stage in dockerfile} == {"python:3.11-slim"}
    runtime = dockerfile[-1]
    copied_from = {
        m.group(1) for rest in runtime.args("COPY") for m in [re.search(r"--from=(\S+)", rest)] if m
    }
    assert copied_from and copied_from <= {stage.name for stage in dockerfile[:-1]}
    # The runtime stage only copies the built venv: no sources, no compiler.
    assert all("--from=" in rest for rest in runtime.args("COPY"))
    assert not any("build-essential" in rest for rest in runtime.args("RUN"))


def test_dockerfile_runs_as_non_root(dockerfile: list[Stage]) -> None:
    users = dockerfile[-1].args("USER")
    assert users, "the runtime stage sets no USER"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0, "numeric and non-zero, so runAsNonRoot can verify it"


def test_dockerfile_installs_the_project_without_dev_extras(
    dockerfile: list[Stage], pyproject: dict[str, Any]
) -> None:
    runs = [rest for stage in dockerfile for rest in stage.args("RUN")]
    installs = [cmd for rest in runs for cmd in rest.split("&&") if "pip install" in cmd]
    assert installs
    for cmd in installs:
        words = shlex.split(cmd)
        assert "-e" not in words and "--editable" not in words, cmd
        assert not any("[" in w for w in words), f"extras installed: {cmd}"
    assert any(shlex.split(cmd)[-1] == "." for cmd in installs), "the project itself is installed"
    # The dependency layer reads [project].dependencies, which must not include dev tools.
    deps = " ".join(pyproject["project"]["dependencies"])
    for dev in pyproject["project"]["optional-dependencies"]["dev"]:
        name = re.split(r"[<>=!~\[ ]", dev, maxsplit=1)[0]
        assert name not in deps, f"dev dependency {name} in runtime dependencies"


def test_dockerfile_dependency_layer_installs_exactly_the_runtime_dependencies(
    dockerfile: list[Stage], pyproject: dict[str, Any]
) -> None:
    """The RUN that writes requirements.txt from pyproject.toml, executed here as the build would."""
    (run,) = [rest for rest in dockerfile[0].args("RUN") if "requirements.txt" in rest and "tomllib" in rest]
    words = shlex.split(run.split(">", 1)[0])  # sh's parsing of `python -c "..."`, before the redirect
    assert words[:2] == ["python", "-c"]
    output = subprocess.run(
        [sys.executable, "-c", words[2]], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert output.splitlines() == pyproject["project"]["dependencies"]


def test_dockerfile_copies_every_package_pyproject_builds(
    dockerfile: list[Stage], pyproject: dict[str, Any]
) -> None:
    build = dockerfile[0]
    sources = {
        word for rest in build.args("COPY") for word in shlex.split(rest)[:-1] if not word.startswith("--")
    }
    assert "pyproject.toml" in sources
    for pattern in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert pattern.rstrip("*") in sources, f"package {pattern} is not copied into the build"


def test_dockerfile_entrypoint_is_the_cli_run_command(
    dockerfile: list[Stage], pyproject: dict[str, Any]
) -> None:
    runtime = dockerfile[-1]
    entrypoint = json.loads(runtime.args("ENTRYPOINT")[-1])
    cmd = json.loads(runtime.args("CMD")[-1])
    assert entrypoint[0] in pyproject["project"]["scripts"]
    assert pyproject["project"]["scripts"][entrypoint[0]] == "services.cli:app"
    assert entrypoint[1:] == ["run"]
    assert len(cmd) == 1 and cmd[0] in cli_run_choices()


def test_image_binds_every_service_to_all_interfaces(dockerfile: list[Stage]) -> None:
    env = image_env(dockerfile)
    assert set(env) <= ALLOWED_ENV
    settings = settings_from_env(env)
    for service, host in HOST_FIELD.items():
        assert getattr(settings, host) == "0.0.0.0", service
    assert settings.log_format == "json"


def test_image_exposes_each_service_port(dockerfile: list[Stage]) -> None:
    exposed = {int(p.split("/")[0]) for rest in dockerfile[-1].args("EXPOSE") for p in rest.split()}
    env = image_env(dockerfile)
    assert exposed == {service_port(s, env) for s in Service}


# --- .dockerignore ----------------------------------------------------------------------


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Docker's pattern syntax: Go's filepath.Match (`*` stays within a path segment) plus `**`."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            out, i = out + pattern[i : end + 1], end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def dockerignored(patterns: list[str], path: str) -> bool:
    """Last matching pattern wins; a pattern that matches a directory covers what is in it."""
    parts = path.split("/")
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        regex = _glob_regex(pattern.lstrip("!").strip("/"))
        if any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            excluded = not negated
    return excluded


@pytest.fixture(scope="module")
def ignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_glob_matcher_follows_docker_rules() -> None:
    # The matcher is what the .dockerignore checks rest on.
    assert dockerignored(["*"], "services/cli.py")
    assert not dockerignored(["*", "!services"], "services/cli.py")
    assert dockerignored(["*", "!services", "**/__pycache__"], "services/x/__pycache__/a.pyc")
    assert not dockerignored(["*.md"], "deploy/README.md")


def test_dockerignore_keeps_what_the_build_copies(
    dockerfile: list[Stage], ignore_patterns: list[str]
) -> None:
    sources = [
        w for rest in dockerfile[0].args("COPY") for w in shlex.split(rest)[:-1] if not w.startswith("--")
    ]
    kept: list[str] = []
    for source in sources:
        matches = [p for p in ROOT.glob(source) if "__pycache__" not in p.parts]
        if not matches and "*" in source:
            continue  # an optional file (README.md*)
        assert matches, f"COPY {source}: nothing in the repository"
        for match in matches:
            files = [match] if match.is_file() else [p for p in match.rglob("*") if p.is_file()]
            for file in files:
                relative = file.relative_to(ROOT).as_posix()
                if "__pycache__" in file.parts or file.suffix == ".pyc":
                    continue
                assert not dockerignored(ignore_patterns, relative), f"{relative} is copied but ignored"
                kept.append(relative)
    # The extractor's package data ships in the wheel only if it reaches the build.
    assert "services/extractor/lexicon/gazetteer.json" in kept
    assert "services/cli.py" in kept and "schemas/__init__.py" in kept


@pytest.mark.parametrize(
    "path",
    [
        ".venv/bin/python",
        ".git/HEAD",
        ".sitrep/redis/appendonly.aof",
        "tests/unit/test_deploy.py",
        "services/__pycache__/cli.cpython-311.pyc",
        "sitrep.egg-info/PKG-INFO",
        ".pytest_cache/v/cache/nodeids",
    ],
)
def test_dockerignore_leaves_out_local_state(ignore_patterns: list[str], path: str) -> None:
    assert dockerignored(ignore_patterns, path)


# --- docker-compose.yml -----------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def compose_sitrep_services(compose: dict[str, Any]) -> dict[Service, dict[str, Any]]:
    """The compose services that run the sitrep image, by the CLI service they run."""
    found: dict[Service, dict[str, Any]] = {}
    for name, spec in compose["services"].items():
        if "build" not in spec:
            continue
        command = spec["command"]
        assert isinstance(command, list) and len(command) == 1, f"{name}: command {command!r}"
        assert command[0] in cli_run_choices(), f"{name}: `sitrep run {command[0]}` is not a service"
        service = Service(command[0])
        assert service not in found, f"{service} twice"
        found[service] = spec
    return found


def compose_env(spec: dict[str, Any]) -> dict[str, str]:
    env = spec.get("environment", {})
    assert isinstance(env, dict), "environment as a mapping"
    return {str(k): str(v) for k, v in env.items()}


def healthcheck_url(spec: dict[str, Any]) -> tuple[int, str]:
    test = " ".join(spec["healthcheck"]["test"])
    match = re.search(r"http://[^'\"\s]+", test)
    assert match, f"no URL in healthcheck {test!r}"
    url = urlsplit(match.group(0))
    assert url.hostname in {"127.0.0.1", "localhost"} and url.port is not None
    return url.port, url.path


def test_compose_runs_every_service_from_the_image(compose: dict[str, Any], dockerfile: list[Stage]) -> None:
    services = compose_sitrep_services(compose)
    assert set(services) == set(Service)
    for spec in services.values():
        build = spec["build"]
        context = (COMPOSE.parent / build["context"]).resolve()
        assert context == ROOT, "the build context must be the root, where .dockerignore is"
        assert (context / build["dockerfile"]).resolve() == DOCKERFILE
        # `command` is appended to the ENTRYPOINT (`sitrep run`); an entrypoint would replace it.
        assert "entrypoint" not in spec


def test_compose_settings_exist_and_parse(compose: dict[str, Any], dockerfile: list[Stage]) -> None:
    for service, spec in compose_sitrep_services(compose).items():
        env = compose_env(spec)
        assert set(env) <= ALLOWED_ENV, service
        settings = settings_from_env({**image_env(dockerfile), **env})
        assert settings.redis_url
        # The default (hostname-pid) is unique per container; a fixed name would make
        # every replica the same consumer.
        assert "SITREP_CONSUMER_NAME" not in env


def test_compose_redis_is_durable_and_healthy(compose: dict[str, Any]) -> None:
    redis_services = {name for name, spec in compose["services"].items() if "build" not in spec}
    for service, spec in compose_sitrep_services(compose).items():
        url = urlsplit(compose_env(spec)["REDIS_URL"])
        assert url.scheme == "redis" and url.hostname in redis_services, service
        assert spec["depends_on"][url.hostname]["condition"] == "service_healthy"
        redis = compose["services"][url.hostname]
        assert str(redis["image"]).startswith("redis:7")
        command = redis["command"]
        assert command[command.index("--appendonly") + 1] == "yes"
        assert "healthcheck" in redis
        volume = next(v for v in redis["volumes"] if v.split(":")[1] == "/data")
        assert volume.split(":")[0] in compose["volumes"], "a named volume, declared"


def test_compose_ports_match_settings(compose: dict[str, Any], dockerfile: list[Stage]) -> None:
    for service, spec in compose_sitrep_services(compose).items():
        port = service_port(service, {**image_env(dockerfile), **compose_env(spec)})
        published = {int(str(p).rsplit(":", 1)[1]) for p in spec.get("ports", [])}
        if service is Service.extractor:
            # Replicas would collide on a published host port.
            assert not published
            assert port in {int(p) for p in spec["expose"]}
        else:
            assert published == {port}, service


def test_compose_healthchecks_ask_for_served_routes(
    compose: dict[str, Any], dockerfile: list[Stage], serves: dict[Service, Callable[[str], bool]]
) -> None:
    for service, spec in compose_sitrep_services(compose).items():
        port, path = healthcheck_url(spec)
        assert port == service_port(service, {**image_env(dockerfile), **compose_env(spec)}), service
        assert serves[service](path), f"{service} serves no GET {path}"


def test_compose_runs_several_extractors(compose: dict[str, Any]) -> None:
    extractor = compose_sitrep_services(compose)[Service.extractor]
    assert extractor["deploy"]["replicas"] >= 2
    assert "container_name" not in extractor, "a fixed name forbids replicas"


# --- Kubernetes -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        docs.extend(doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc)
    return docs


def of_kind(manifests: list[dict[str, Any]], kind: str) -> Iterator[dict[str, Any]]:
    return (doc for doc in manifests if doc["kind"] == kind)


@pytest.fixture(scope="module")
def configmaps(manifests: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc.get("data", {}) for doc in of_kind(manifests, "ConfigMap")}


@dataclass
class K8sService:
    deployment: dict[str, Any]
    container: dict[str, Any]
    env: dict[str, str]  # literal values: the ConfigMaps it loads, then its own `value`s


@pytest.fixture(scope="module")
def deployments(
    manifests: list[dict[str, Any]], configmaps: dict[str, dict[str, Any]]
) -> dict[Service, K8sService]:
    found: dict[Service, K8sService] = {}
    for deployment in of_kind(manifests, "Deployment"):
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        args = container["args"]
        assert "command" not in container, "command replaces the image's `sitrep run` ENTRYPOINT"
        assert len(args) == 1 and args[0] in cli_run_choices(), f"`sitrep run {args}`"
        env: dict[str, str] = {}
        for source in container.get("envFrom", []):
            env.update(configmaps[source["configMapRef"]["name"]])  # KeyError: a missing ConfigMap
        for var in container.get("env", []):
            if "value" in var:
                env[var["name"]] = str(var["value"])
        service = Service(args[0])
        assert service not in found
        found[service] = K8sService(deployment, container, env)
    return found


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    listed = set(kustomization["resources"])
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk


def test_manifests_are_namespace_less(manifests: list[dict[str, Any]]) -> None:
    assert manifests
    assert all("namespace" not in doc["metadata"] for doc in manifests)


def test_configmap_settings_exist_and_parse(configmaps: dict[str, dict[str, Any]]) -> None:
    assert configmaps
    for data in configmaps.values():
        assert set(data) <= ALLOWED_ENV
        # A ConfigMap holds strings only: an unquoted 8000 is rejected by the API server.
        assert all(isinstance(v, str) for v in data.values()), data
        settings = settings_from_env(data)
        for host in HOST_FIELD.values():
            assert getattr(settings, host) == "0.0.0.0"
        assert settings.extractor_metrics_port != 0, "the extractor's probes need its metrics"
        assert "REDIS_URL" not in data, "a URL may hold a password: it comes from a Secret"


def test_every_service_is_deployed(deployments: dict[Service, K8sService]) -> None:
    assert set(deployments) == set(Service)
    assert deployments[Service.extractor].deployment["spec"]["replicas"] == 3
    assert deployments[Service.projector].deployment["spec"]["replicas"] == 1


def test_deployment_env_is_settings(deployments: dict[Service, K8sService]) -> None:
    for service, k8s in deployments.items():
        names = {var["name"] for var in k8s.container.get("env", [])} | set(k8s.env)
        assert names <= ALLOWED_ENV, service
        redis_url = next(var for var in k8s.container["env"] if var["name"] == "REDIS_URL")
        secret = redis_url["valueFrom"]["secretKeyRef"]
        assert secret["name"] and secret["key"]
        settings_from_env({**k8s.env, "REDIS_URL": PLACEHOLDER_REDIS})


def test_extractor_consumer_is_the_pod_name(deployments: dict[Service, K8sService]) -> None:
    env = {var["name"]: var for var in deployments[Service.extractor].container["env"]}
    assert env["SITREP_CONSUMER_NAME"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"


def container_port(container: dict[str, Any], port: int | str) -> int:
    """A probe's or Service's port, by number or by the container port's name."""
    if isinstance(port, int):
        return port
    (number,) = [p["containerPort"] for p in container["ports"] if p.get("name") == port]
    return int(number)


def test_container_ports_and_probes_match_the_service(
    deployments: dict[Service, K8sService], serves: dict[Service, Callable[[str], bool]]
) -> None:
    for service, k8s in deployments.items():
        port = service_port(service, k8s.env)
        assert {p["containerPort"] for p in k8s.container["ports"]} == {port}, service
        probes = {kind: k8s.container.get(kind) for kind in ("livenessProbe", "readinessProbe")}
        assert all(probes.values()), f"{service}: liveness and readiness probes"
        for kind in ("livenessProbe", "readinessProbe", "startupProbe"):
            if kind in k8s.container:
                get = k8s.container[kind]["httpGet"]
                assert container_port(k8s.container, get["port"]) == port, (service, kind)
                assert serves[service](get["path"]), (service, kind, get["path"])


def test_services_route_to_the_deployments(
    manifests: list[dict[str, Any]], deployments: dict[Service, K8sService]
) -> None:
    by_selector = {
        tuple(sorted(k8s.deployment["spec"]["template"]["metadata"]["labels"].items())): (service, k8s)
        for service, k8s in deployments.items()
    }
    exposed: set[Service] = set()
    for svc in of_kind(manifests, "Service"):
        service, k8s = by_selector[tuple(sorted(svc["spec"]["selector"].items()))]
        for port in svc["spec"]["ports"]:
            assert container_port(k8s.container, port["targetPort"]) == service_port(service, k8s.env)
        exposed.add(service)
    assert exposed == {Service.ingest, Service.projector}


MEMORY_UNITS = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "K": 10**3, "M": 10**6, "G": 10**9, "": 1}


def memory_bytes(quantity: str) -> int:
    match = re.fullmatch(r"(\d+)([KMG]i?)?", quantity)
    assert match, quantity
    return int(match.group(1)) * MEMORY_UNITS[match.group(2) or ""]


def test_pods_are_bounded_non_root_and_stop_gracefully(
    deployments: dict[Service, K8sService], dockerfile: list[Stage]
) -> None:
    image_uid = int(dockerfile[-1].args("USER")[-1].split(":")[0])
    for service, k8s in deployments.items():
        pod = k8s.deployment["spec"]["template"]["spec"]
        assert pod["terminationGracePeriodSeconds"] > 0, service
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == image_uid
        resources = k8s.container["resources"]
        request = memory_bytes(resources["requests"]["memory"])
        assert request <= memory_bytes(resources["limits"]["memory"]), service
        assert "cpu" in resources["requests"]
    extractor = deployments[Service.extractor].container["resources"]
    # spaCy's pipeline: about 300 MB resident per extractor, measured on long articles.
    assert 300 * 2**20 <= memory_bytes(extractor["requests"]["memory"]) <= 512 * 2**20


# --- API keys (issue 12): from a Secret in Kubernetes, from the host's environment in Compose


KEYED = (Service.ingest, Service.projector)
KEY_NAMES = {"SITREP_API_KEY", "SITREP_READ_API_KEY"}


def test_key_settings_are_the_ones_settings_reads() -> None:
    assert KEY_NAMES <= ALLOWED_ENV


def test_k8s_api_keys_come_from_a_secret(
    deployments: dict[Service, K8sService], configmaps: dict[str, dict[str, Any]]
) -> None:
    for data in configmaps.values():
        assert not KEY_NAMES & set(data), "keys belong in a Secret, not a ConfigMap"
    for service in KEYED:
        env = {var["name"]: var for var in deployments[service].container["env"]}
        write = env["SITREP_API_KEY"]["valueFrom"]["secretKeyRef"]
        read = env["SITREP_READ_API_KEY"]["valueFrom"]["secretKeyRef"]
        assert write["name"] == read["name"] and write["key"] != read["key"]
        assert not write.get("optional"), "writes must not silently run without a key"
        assert read.get("optional") is True, "reads stay open unless a read key is given"
        assert "value" not in env["SITREP_API_KEY"] and "value" not in env["SITREP_READ_API_KEY"]


def test_compose_api_keys_come_from_the_environment(compose: dict[str, Any], dockerfile: list[Stage]) -> None:
    services = compose_sitrep_services(compose)
    for service in KEYED:
        env = compose_env(services[service])
        # `${VAR:?...}` makes Compose refuse to start without a write key; `${VAR:-}` leaves
        # reads open by default. Either way no key is written in the file.
        assert re.fullmatch(r"\$\{SITREP_API_KEY:\?[^}]*\}", env["SITREP_API_KEY"])
        assert env["SITREP_READ_API_KEY"] == "${SITREP_READ_API_KEY:-}"
        resolved = {**image_env(dockerfile), **env, "SITREP_API_KEY": "k1,k2", "SITREP_READ_API_KEY": ""}
        settings = settings_from_env(resolved)
        assert settings.write_keys() == {"k1", "k2"} and settings.read_keys() == frozenset()
    assert not KEY_NAMES & set(compose_env(services[Service.extractor]))


def test_both_openapi_documents_declare_the_key_schemes() -> None:
    from services.ingest.api import create_app as create_ingest
    from services.projector.service import create_app as create_projector

    settings = Settings(redis_url=PLACEHOLDER_REDIS)
    for app in (create_ingest(settings), create_projector(settings)):
        schemes = app.openapi()["components"]["securitySchemes"]
        assert schemes["HTTPBearer"]["scheme"] == "bearer"
        assert schemes["APIKeyHeader"] == {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": "`X-API-Key: <key>`",
        }
