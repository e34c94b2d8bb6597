"""Configuration: ``[tool.medlint]`` in pyproject.toml or ``medlint.toml``, nearest to each file.

Validated against ``schemas/config.schema.json``; every problem is one line naming the file and key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.findings import Severity
from linter.rules import CATALOG, load_rules, matching_codes

if TYPE_CHECKING:
    from linter.rules.base import Rule

CONFIG_NAMES = ("medlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """An invalid configuration; the message is one line naming the file and the key."""


REFS_LOCK_NAME = "medlint-refs.lock.json"


@dataclass
class Config:
    """One configuration file's settings (or the defaults), with per-file answers memoised."""

    path: Path | None = None  # the file it came from; None for defaults
    data: dict[str, Any] = field(default_factory=dict)
    # Answers asked once per file by several steps (discovery, extras, corpus): kept per instance.
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def refs_lock(self) -> Path:
        """The reference lock of this configuration root: ``refs-lock`` (relative to the root), else
        medlint-refs.lock.json beside the config file (the working directory when there is none)."""
        configured = self.data.get("refs-lock")
        return self.root / configured if configured else self.root / REFS_LOCK_NAME

    def refs(self) -> dict[str, Any]:
        """The ``[refs]`` table (contact, service URLs, timeout, rate)."""
        return dict(self.data.get("refs") or {})

    def enabled_rules(self, relpath: str | None = None, cli: dict[str, list[str]] | None = None) -> dict[str, Rule]:
        """The rules that apply to a file: defaults, then select / extend-select / ignore.

        Reads the catalogue rows; only the chosen rules' modules are imported."""
        return load_rules(self.enabled_codes(relpath, cli))

    def codes_for(self, path: str, cli: dict[str, list[str]] | None = None) -> list[str]:
        """``enabled_codes`` for a file named as the run found it."""
        return self.enabled_codes(self.relpath(Path(path)), cli)

    def enabled_codes(self, relpath: str | None = None, cli: dict[str, list[str]] | None = None) -> list[str]:
        per_file = relpath if self.data.get("per-file-ignores") else None  # else the path cannot matter
        key = ("enabled", per_file, tuple(sorted((k, tuple(v or ())) for k, v in (cli or {}).items())))
        if key not in self._memo:
            self._memo[key] = tuple(self._enabled_codes(relpath, cli))
        return list(self._memo[key])

    def _enabled_codes(self, relpath: str | None, cli: dict[str, list[str]] | None) -> list[str]:
        cli = cli or {}
        select = cli.get("select") or self.data.get("select")
        chosen = {c for c in CATALOG if _selects(c, select)} if select else set(default_codes())
        for extra in (self.data.get("extend-select"), cli.get("extend-select")):
            chosen |= {c for c in CATALOG if _selects(c, extra)}
        ignored = list(self.data.get("ignore", [])) + list(cli.get("ignore") or [])
        if relpath is not None and self.data.get("per-file-ignores"):
            import fnmatch

            for pattern, codes in self.data.get("per-file-ignores", {}).items():
                if fnmatch.fnmatch(relpath, pattern) or fnmatch.fnmatch(Path(relpath).name, pattern):
                    ignored.extend(codes)
        return [c for c in sorted(chosen) if not _matches_any(c, ignored)]

    def audience(self, relpath: str | None = None) -> str:
        if relpath is not None and self.data.get("per-file-audience"):
            import fnmatch

            for pattern, audience in self.data["per-file-audience"].items():
                if fnmatch.fnmatch(relpath, pattern) or fnmatch.fnmatch(Path(relpath).name, pattern):
                    return audience
        return self.data.get("audience", "patient")

    def severity(self, rule: Rule) -> Severity:
        override = self.data.get("severity", {}).get(rule.code)
        return Severity.parse(override) if override else rule.severity

    def options(self, rule: Rule) -> dict[str, Any]:
        """The rule's options for this configuration: defaults, shared top-level settings, then
        ``[rules.CODE]``; a rule that reads another rule's options (DUP003 reads DUP002's) gets those first."""
        merged: dict[str, Any] = {}
        if rule.shares_options_of:
            from linter.rules import load_rule

            merged.update(self.options(load_rule(rule.shares_options_of)))
        merged.update(rule.options)
        for key in ("review_max_age_months", "day-first", "boilerplate", "corpus-max-share"):
            if key in self.data:  # top-level settings shared by several rules
                merged[key] = self.data[key]
        merged.update(self.data.get("rules", {}).get(rule.code, {}))
        return merged

    def excluded(self, path: Path, is_dir: bool = False, base: Path | None = None) -> bool:
        """gitignore-style ``exclude`` (default: READMEs, changelogs, licences, tests/, fixtures/ …)
        plus ``extend-exclude``, relative to this configuration's folder, or to ``base`` (a folder
        named on the command line that is itself excluded: linter.discover)."""
        from linter.discover import DEFAULT_EXCLUDE, spec

        patterns = tuple(self.data.get("exclude", DEFAULT_EXCLUDE)) + tuple(self.data.get("extend-exclude", []))
        rel = (self.relpath(path) if base is None else path.relative_to(base).as_posix()) + ("/" if is_dir else "")
        return bool(patterns) and spec(patterns).match_file(rel)

    def included(self, path: Path) -> bool:
        from linter.discover import DEFAULT_INCLUDE, spec

        return spec(tuple(self.data.get("include", DEFAULT_INCLUDE))).match_file(self.relpath(path))

    def relpath(self, path: Path) -> str:
        key = ("relpath", str(path))
        if key not in self._memo:
            self._memo[key] = self._relpath(path)
        return self._memo[key]

    def _relpath(self, path: Path) -> str:
        if "root" not in self._memo:
            self._memo["root"] = self.root.resolve()
        try:
            return path.resolve().relative_to(self._memo["root"]).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root, or a symlink loop
            return path.as_posix()


def default_codes() -> list[str]:
    """The default selection: every rule not marked opt-in, in a family that is on by default."""
    from linter.rules import FAMILIES

    return sorted(
        c
        for c, row in CATALOG.items()
        if row.default and FAMILIES.get(row.family, None) and FAMILIES[row.family].default
    )


def _selects(code: str, selectors: list[str] | None) -> bool:
    """A selector selects a rule by its own code; a prefix or ALL selects only rules not marked opt-in
    (as ruff's preview rules: an opt-in rule needs its own code)."""
    row = CATALOG[code]
    return any(s.upper() == code or (row.default and _matches_any(code, [s])) for s in selectors or [])


def _matches_any(code: str, selectors: list[str] | None) -> bool:
    return any(s == "ALL" or code.startswith(s.upper()) for s in selectors or [])


def load_schema(name: str) -> dict[str, Any]:
    """A JSON schema shipped with medlint (``schemas/`` is installed as ``linter.schemas``)."""
    installed = Path(__file__).resolve().parent / "schemas" / name  # wheel: schemas/ ships as linter.schemas
    checkout = Path(__file__).resolve().parent.parent / "schemas" / name  # source checkout or editable install
    import json  # only a configuration not validated before is checked against the schema

    return json.loads((installed if installed.is_file() else checkout).read_text("utf-8"))


def _schema() -> dict[str, Any]:
    return load_schema("config.schema.json")


def validate(data: dict[str, Any], path: Path) -> None:
    """Raise ConfigError naming the file and key for the first schema violation."""
    import jsonschema  # imported here: only runs that have a config file pay for it

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        if error.validator == "additionalProperties" and not error.absolute_path:
            unknown = sorted(set(data) - set(_schema()["properties"]))
            raise ConfigError(
                f"{path}: unknown key '{unknown[0]}' in [tool.medlint]" if unknown else f"{path}: {error.message}"
            )
        raise ConfigError(f"{path}: invalid value for '{where}': {error.message}")
    for code, options in data.get("rules", {}).items():
        if code not in CATALOG:
            raise ConfigError(f"{path}: unknown rule '{code}' in rules")
        specs = load_rules([code])[code].option_specs
        for key, value in options.items():
            if key not in specs:
                known = ", ".join(sorted(specs)) or "none"
                raise ConfigError(f"{path}: unknown option '{key}' for {code} (known: {known})")
            problem = specs[key].problem(value)
            if problem:
                raise ConfigError(f"{path}: invalid value for 'rules.{code}.{key}': {problem}")
    for key in ("select", "extend-select", "ignore"):
        for selector in data.get(key, []):
            if not matching_codes(selector):
                raise ConfigError(f"{path}: '{selector}' in {key} matches no rule")
    for code in data.get("severity", {}):
        if code not in CATALOG:
            raise ConfigError(f"{path}: unknown rule '{code}' in severity")
    for pattern, selectors in data.get("per-file-ignores", {}).items():
        for selector in selectors:
            if not matching_codes(selector):
                raise ConfigError(f"{path}: '{selector}' in per-file-ignores '{pattern}' matches no rule")


def _validated_before(raw: str, path: Path, use_cache: bool) -> tuple[bool, Path | None]:
    """Was this exact configuration text validated before? jsonschema costs ~0.15 s to import,
    more than the whole pre-commit budget, so a successful validation is remembered by content."""
    if not use_cache:
        return False, None
    from linter import __version__
    from linter.cache import cache_dir
    from linter.digest import sha256

    key = sha256(f"{__version__}\0{path.name}\0{raw}".encode()).hexdigest()
    marker = cache_dir(None) / "config" / key
    return marker.exists(), marker


def _remember(marker: Path | None) -> None:
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass


def load_file(path: Path, use_cache: bool = False) -> Config:
    from linter.compile_store import toml_loads

    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    try:
        data = toml_loads(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("medlint", {})
    seen, marker = _validated_before(raw, path, use_cache)
    if not seen:
        validate(data, path)
        _remember(marker)
    return Config(path, data)


def _has_section(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        return "[tool.medlint" in path.read_text("utf-8", errors="replace")
    except OSError:
        return False


class ConfigResolver:
    """Finds the configuration nearest to each file (like ruff), caching per directory."""

    def __init__(self, explicit: Path | None = None, isolated: bool = False, use_cache: bool = False) -> None:
        self.isolated = isolated
        self.use_cache = use_cache
        self.explicit = load_file(explicit, use_cache) if explicit else None
        self._by_dir: dict[Path, Config] = {}
        self._defaults = Config()  # --isolated: one instance, so its per-file answers are kept

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        if self.isolated:
            return self._defaults
        try:
            directory = (path if path.is_dir() else path.parent).resolve()
        except (OSError, RuntimeError):
            directory = path.parent.absolute()
        return self._lookup(directory)

    def _lookup(self, directory: Path) -> Config:
        if directory in self._by_dir:
            return self._by_dir[directory]
        config: Config | None = None
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and _has_section(candidate):
                config = load_file(candidate, self.use_cache)
                break
        if config is None:
            parent = directory.parent
            config = self._lookup(parent) if parent != directory else Config()
        self._by_dir[directory] = config
        return config
