"""Orchestration of ``check`` and ``report``: config, discovery, linting, fixes, output."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from linter.config import ConfigError, ConfigResolver
from linter.discover import EXTENSIONS, discover
from linter.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError
from linter.findings import Severity
from linter.results import FileResult, Options
from linter.source import display_path, safe_text


def _options(args: argparse.Namespace) -> Options:
    selection = {
        k: v for k, v in (("select", args.select), ("extend-select", args.extend_select), ("ignore", args.ignore)) if v
    }
    if selection:
        from linter.rules import matching_codes

        for key, codes in selection.items():
            for code in codes:
                if not matching_codes(code):
                    raise UsageError(f"--{key}: '{code}' matches no rule (see `medlint rules`)")
    if getattr(args, "report_unused_suppressions", False):
        selection["extend-select"] = list(selection.get("extend-select", [])) + ["SUP001"]
    return Options(
        selection=selection, today=args.today, unused_suppressions=getattr(args, "report_unused_suppressions", False)
    )


def lint_all(args: argparse.Namespace, in_worker=None) -> tuple[list[FileResult], list[str]]:
    """Lint every file named or found; returns results in input order and run-level errors.
    ``in_worker(jobs, options)`` may return a hook for linter.parallel.lint_many's workers."""
    resolver = _resolver(args)
    options = _options(args)
    if list(args.paths) == ["-"]:
        return [_lint_stdin(args, resolver, options)], []
    if "-" in args.paths:
        raise UsageError("'-' (standard input) cannot be combined with other paths")
    jobs, errors = _jobs(args, resolver)
    _require_extras(jobs, options)
    per_file = getattr(args, "per_file", False)  # the pre-commit hook: never depends on which files are staged
    options.corpus = not per_file and len(jobs) > 1 and any(_runs_corpus_rule(p, c, options) for p, c in jobs)
    from linter.parallel import lint_many

    started = time.perf_counter()
    results = lint_many(
        jobs,
        options,
        workers=args.jobs,
        use_cache=not args.no_cache,
        progress=_progress(args, len(jobs)),
        in_worker=in_worker(jobs, options.selection) if in_worker and jobs else None,
    )
    _timing("lint", started)
    if not per_file and sum(1 for r in results if r.source is not None) > 1:  # corpus mode only
        from linter.corpus import run_corpus_step
        from linter.engine import gc_paused

        started = time.perf_counter()
        with gc_paused():
            run_corpus_step(results, options, use_cache=not args.no_cache)
        _timing("corpus (DUP004)", started)
    return results, errors


PROGRESS_MIN_FILES = 50


def _progress(args: argparse.Namespace, total: int):
    """A progress line on standard error for long runs on a terminal; never in machine formats."""
    from linter.reporters import HUMAN_FORMATS

    fmt = getattr(args, "format", "text")
    if total <= PROGRESS_MIN_FILES or fmt not in HUMAN_FORMATS or not sys.stderr.isatty():
        return None

    def show(done: int, of: int) -> None:
        end = "\n" if done == of else ""
        if done == of or done % 25 == 0:
            print(f"\rmedlint: {done}/{of} files", end=end, file=sys.stderr, flush=True)

    return show


def _lint_stdin(args: argparse.Namespace, resolver: ConfigResolver, options: Options) -> FileResult:
    """``medlint check -``: standard input, named by --stdin-filename (its format and configuration)."""
    from linter.engine import lint_source
    from linter.source import DEFAULT_MAX_BYTES, InputError, Source, decode

    name = args.stdin_filename or "-"
    try:
        config = resolver.for_path(Path(name))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    max_mb = config.get("max-file-size-mb")
    limit = int(max_mb * 1048576) if max_mb else DEFAULT_MAX_BYTES
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return FileResult(name, error=f"{name}: standard input is over the {limit // 1048576} MB limit")
    try:
        text, bom = decode(data, name)
    except InputError as exc:
        return FileResult(name, error=str(exc))
    return lint_source(Source(name, text, had_bom=bom), config, options, config.relpath(Path(name)))


def _resolver(args: argparse.Namespace) -> ConfigResolver:
    try:
        return ConfigResolver(args.config, args.isolated, use_cache=not args.no_cache)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _jobs(args: argparse.Namespace, resolver: ConfigResolver) -> tuple[list[tuple[str, object]], list[str]]:
    """The files a run lints, each with its configuration (what --show-files lists). Files named on
    the command line are linted even when excluded, unless --force-exclude (as ruff)."""
    errors: list[str] = []
    jobs = []
    for path in discover(args.paths, errors, resolver, getattr(args, "force_exclude", False)):
        try:
            config = resolver.for_path(Path(path))
        except ConfigError as exc:
            errors.append(str(exc))
            continue
        if path in args.paths and getattr(args, "force_exclude", False) and config.excluded(Path(path)):
            continue
        jobs.append((path, config))
    return jobs, errors


def _show(args: argparse.Namespace) -> int:
    import json

    jobs, errors = _jobs(args, _resolver(args))
    for message in errors:
        print(f"medlint: {safe_text(message)}", file=sys.stderr)
    if args.show_files:
        for path, _ in jobs:
            print(display_path(path))
        return EXIT_ERROR if errors else EXIT_CLEAN
    if not jobs:
        raise UsageError("no file to show settings for")
    path, config = jobs[0]
    options = _options(args)
    relpath = config.relpath(Path(path))
    rules = config.enabled_rules(relpath, options.selection)
    settings = {
        "file": path,
        "config": str(config.path) if config.path else None,
        "audience": config.audience(relpath),
        "rules": {
            code: {"severity": str(config.severity(r)), "options": config.options(r)} for code, r in rules.items()
        },
        "include": config.get("include"),
        "exclude": config.get("exclude"),
        "extend-exclude": config.get("extend-exclude"),
    }
    print(json.dumps(settings, indent=2, default=str))
    return EXIT_CLEAN


def _watch(args: argparse.Namespace) -> int:
    """Lint, then re-lint the files that change, until interrupted. With --fix, medlint's own writes
    (recognised by their content) do not start another round."""
    try:
        import watchfiles
    except ImportError:
        raise UsageError("--watch needs the [watch] extra: pip install 'medlint-health[watch]'") from None
    long_running()
    from linter.digest import content_digest

    written: dict[str, str] = {}

    def lint_paths(paths: list[str]) -> None:
        args.paths = paths
        results, errors = lint_all(args)
        if args.fix:
            from linter.fixer import apply_fixes

            results, _ = apply_fixes(results, args, _relinter(args), write=True)
            for r in results:
                if r.source is not None:
                    written[os.path.realpath(r.path)] = content_digest(Path(r.path).read_bytes())
        _emit(args, results, None, _report_errors(results, errors))
        sys.stdout.flush()

    roots = list(args.paths) or ["."]
    lint_paths(roots)
    for changes in watchfiles.watch(*roots, raise_interrupt=False):
        changed = []
        for _, raw in sorted(changes):
            path = Path(raw)
            if not path.is_file() or path.suffix.lower() not in EXTENSIONS:
                continue
            digest = content_digest(path.read_bytes())
            if written.get(os.path.realpath(raw)) == digest:
                continue  # our own --fix write
            changed.append(raw)
        if changed:
            lint_paths(changed)
    return EXIT_CLEAN


def _require_extras(jobs: list, options: Options) -> None:
    """Selecting a family whose extra is not installed is one line naming the extra (exit 2)."""
    from linter.rules import missing_extra

    for path, config in jobs:
        extra = missing_extra(config.codes_for(path, options.selection))
        if extra:
            raise UsageError(f"the selected rules need the [{extra}] extra: pip install 'medlint-health[{extra}]'")


def _runs_corpus_rule(path: str, config, options: Options) -> bool:
    from linter.rules import CATALOG

    codes = config.codes_for(path, options.selection)
    return any(CATALOG[c].across_files for c in codes)


def _timing(phase: str, started: float) -> None:
    """Phase timings on standard error when MEDLINT_TIMING is set (bench/run.py reads them)."""
    if os.environ.get("MEDLINT_TIMING"):
        print(f"medlint-timing: {phase} {time.perf_counter() - started:.3f}s", file=sys.stderr)


def _report_errors(results: list[FileResult], errors: list[str]) -> bool:
    for message in errors:
        print(f"medlint: {safe_text(message)}", file=sys.stderr)
    for result in results:
        if result.error:
            print(f"medlint: {safe_text(result.error)}", file=sys.stderr)
    return bool(errors) or any(r.error for r in results)


def run_check(args: argparse.Namespace) -> int:
    if args.show_files or args.show_settings:
        return _show(args)
    if args.watch:
        return _watch(args)
    results, errors = lint_all(args)
    if args.baseline:
        from linter.baseline import BaselineError, filter_baseline, load_baseline

        try:
            filter_baseline(results, load_baseline(args.baseline))
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
    if args.write_baseline:
        from linter.baseline import write_baseline

        try:
            count = write_baseline(args.write_baseline, results)
        except (OSError, ValueError) as exc:
            raise UsageError(
                f"{display_path(args.write_baseline)}: cannot write baseline ({getattr(exc, 'strerror', None) or exc})"
            ) from None
        print(f"medlint: wrote {count} findings to {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if _report_errors(results, errors) else EXIT_CLEAN
    if args.diff:  # like ruff --diff: print what --fix would change; exit 1 if anything would
        from linter.fixer import apply_fixes

        fixed_results, fixed = apply_fixes(results, args, _relinter(args), write=False)
        return EXIT_ERROR if _report_errors(fixed_results, errors) else (EXIT_FINDINGS if fixed else EXIT_CLEAN)
    fixed = None
    if args.fix and list(args.paths) == ["-"]:
        from linter.fixer import fix_in_memory

        result = results[0]
        if result.source is None:
            return EXIT_ERROR if _report_errors(results, errors) else EXIT_CLEAN
        sys.stdout.write(fix_in_memory(result, _relinter(args), args.unsafe_fixes).text)
        return EXIT_CLEAN
    if args.fix:
        from linter.fixer import apply_fixes

        results, fixed = apply_fixes(results, args, _relinter(args), write=True)
    had_errors = _report_errors(results, errors)
    _emit(args, results, fixed, had_errors)
    if had_errors:
        return EXIT_ERROR
    return _exit_for(results, args)


def _relinter(args: argparse.Namespace):
    """Lint a text in memory as the file it will replace (its own configuration), for the fix loop."""
    from linter.engine import lint_source

    resolver = ConfigResolver(args.config, args.isolated)
    options = _options(args)

    def relint(source):
        config = resolver.for_path(Path(source.path))
        return lint_source(source, config, options, config.relpath(Path(source.path)))

    return relint


def _emit(args: argparse.Namespace, results: list[FileResult], fixed: int | None = None, errors: bool = False) -> None:
    from linter.reporters import HUMAN_FORMATS, render

    color = _use_color(args)
    text = render(args.format, results, color=color, statistics=args.statistics)
    if args.format in HUMAN_FORMATS and not args.quiet and not args.diff and not args.statistics:
        from linter.reporters.text import render_summary

        text += render_summary(results, fixed=fixed, errors=errors or any(r.error for r in results))
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)


def _use_color(args: argparse.Namespace) -> bool:
    """--color wins; then NO_COLOR (over FORCE_COLOR); then FORCE_COLOR; else colour only on a terminal."""
    if args.color in ("always", "never"):
        return args.color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return not args.output and sys.stdout.isatty()


def write_output(path: str, text: str) -> None:
    """Write a report atomically: a failed write leaves no emptied file, and says so in one line."""
    from linter.edits import write_new_atomic

    try:
        write_new_atomic(path, text)
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"{display_path(path)}: cannot write output ({getattr(exc, 'strerror', None) or exc})"
        ) from None


def _exit_for(results: list[FileResult], args: argparse.Namespace) -> int:
    if getattr(args, "exit_zero", False):
        return EXIT_CLEAN
    failing = False
    for r in results:
        configured = r.config.get("fail-on") if r.config is not None else None
        level = getattr(args, "fail_on", None) or configured  # the command line wins over the file's config
        threshold = Severity.parse(level) if level else Severity.INFO
        failing = failing or any(f.severity >= threshold for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def run_report(args: argparse.Namespace) -> int:
    """The editors' report: one self-contained file for up to 20 articles, a folder (index.html and a
    page per article) for more. Exit codes as ``check``."""
    from linter.report_jobs import facts_in_worker, reads_levels, render_all

    results, errors = lint_all(args, in_worker=facts_in_worker)
    if getattr(args, "baseline", None):
        from linter.baseline import BaselineError, filter_baseline, load_baseline

        try:
            filter_baseline(results, load_baseline(args.baseline))
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
    had_errors = _report_errors(results, errors)
    from linter.reporters.html import today_of
    from linter.reporters.site import SINGLE_FILE_MAX, SiteWriter, single_file

    linted = [r for r in results if r.source is not None]
    unreadable = [safe_text(m) for m in errors] + [safe_text(r.error) for r in results if r.error]
    selection = _options(args).selection
    enabled = [set(r.config.codes_for(r.path, selection)) for r in linted]
    reading = bool(enabled) and reads_levels(enabled[0])
    folder = len(linted) > SINGLE_FILE_MAX
    started = time.perf_counter()
    today = today_of(args.today)
    out = str(args.output)
    as_dir = out.endswith(("/", os.sep)) or Path(out).is_dir()
    count = sum(len(r.findings) for r in results)
    try:
        if folder:
            directory = Path(out) if as_dir else Path(out).with_suffix("")
            site = SiteWriter(directory, today)
            summaries = render_all(linted, reading, enabled, prefixes=False, workers=args.jobs, each=site.article)
            sizes = site.index(summaries, unreadable)
            where = f"{display_path(str(directory / 'index.html'))} and {len(summaries)} article pages"
            size = sizes["index"]
        else:
            summaries = render_all(linted, reading, enabled, prefixes=True, workers=args.jobs)
            target = Path(out) / "index.html" if as_dir else Path(out)
            if as_dir:  # `-o DIR/` names a folder: make it, as the site shape does
                target.parent.mkdir(parents=True, exist_ok=True)
            text = single_file(summaries, unreadable, today)
            write_output(str(target), text)
            where, size = display_path(str(target)), len(text.encode())
    except OSError as exc:
        raise UsageError(f"{display_path(out)}: cannot write the report ({exc.strerror or exc})") from None
    _timing("report", started)
    articles = f"{len(linted)} article{'' if len(linted) == 1 else 's'}"
    print(
        f"medlint: wrote {where} ({articles}, {count} finding{'' if count == 1 else 's'}, {size / 1e6:.1f} MB)",
        file=sys.stderr,
    )
    return EXIT_ERROR if had_errors else (EXIT_FINDINGS if count else EXIT_CLEAN)


def run_rules(args: argparse.Namespace) -> int:
    from linter.rules import load_rules

    if args.format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": str(r.severity),
                "fix": r.fix,
                "default": r.default,
                "summary": r.summary,
            }
            for r in load_rules().values()
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    for r in load_rules().values():
        flags = ("fix " if r.fix != "none" else "    ") + ("" if r.default else "(opt-in)")
        print(f"{r.code:8} {r.name:30} {str(r.severity):8} {flags:13} {r.summary}")
    return EXIT_CLEAN


def run_rule(args: argparse.Namespace) -> int:
    from linter.rules import find_rule

    rule = find_rule(args.code)
    if rule is None:
        raise UsageError(f"unknown rule '{args.code}' (see `medlint rules`)")
    fix = {"none": "no fix", "sometimes": "fix sometimes available", "always": "fix always available"}[rule.fix]
    if rule.fix != "none" and not rule.fix_safe:
        fix += " (unsafe: needs --unsafe-fixes)"
    print(f"# {rule.code} {rule.name}\n")
    print(
        f"Severity: {rule.severity}. {fix[0].upper() + fix[1:]}. {'Enabled by default' if rule.default else 'Opt-in'}.\n"
    )
    print(rule.docs)
    if rule.options:
        print("\nDefaults: " + ", ".join(f"{k} = {v!r}" for k, v in rule.options.items()))
    return EXIT_CLEAN


def run_graph(args: argparse.Namespace) -> int:
    from linter.engine import graph_for
    from linter.source import InputError, read_source

    try:
        config = ConfigResolver(args.config, args.isolated).for_path(Path(args.path))
        graph = graph_for(read_source(args.path), config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    except InputError as exc:
        print(f"medlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        import json

        print(json.dumps(graph.to_node_link(), indent=1, ensure_ascii=False, default=str))
    else:
        from linter.reporters.dot import render_dot

        sys.stdout.write(render_dot(graph))
    return EXIT_CLEAN


def run_server(args: argparse.Namespace) -> int:
    try:
        from linter.server import run
    except ImportError:
        raise UsageError("the editor server needs the [lsp] extra: pip install 'medlint-health[lsp]'") from None
    long_running()
    return run(args)


def long_running() -> None:
    """A command that runs until stopped (the editor server, --watch) turns the cyclic garbage
    collector back on, which the console script turns off for commands that run once (linter.entry)."""
    import gc

    gc.enable()


def run_refs(args: argparse.Namespace) -> int:
    """``medlint refs sync PATH...``: resolve the articles' references into each configuration
    root's lock (network); ``--check`` only says whether the locks are up to date (exit 1 if not)."""
    from linter.engine import graph_for
    from linter.facts.references import reference_query
    from linter.refs.lock import LockError
    from linter.refs.sync import Offline, Settings, retraction_watch, sync_lock
    from linter.source import InputError, read_source

    resolver = _resolver(args)
    jobs, errors = _jobs(args, resolver)
    failed = bool(errors)
    for message in errors:
        print(f"medlint: {safe_text(message)}", file=sys.stderr)
    locks: dict[Path, tuple[Settings, dict]] = {}
    for path, config in jobs:
        lock_path = config.refs_lock()
        _, queries = locks.setdefault(lock_path, (Settings.from_table(config.refs()), {}))
        try:
            graph = graph_for(read_source(path), config)
        except (InputError, RecursionError) as exc:
            print(f"medlint: {safe_text(str(exc))}", file=sys.stderr)
            failed = True
            continue
        for ref in graph.references:
            query = reference_query(ref)
            queries[query.key] = query
    notices = None
    if args.retraction_watch:
        try:
            notices = retraction_watch(Path(args.retraction_watch))
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{args.retraction_watch}: cannot read the Retraction Watch file ({exc})") from None
    stale = False
    for lock_path, (settings, queries) in sorted(locks.items()):
        shown = display_path(str(lock_path))
        try:
            outcome = sync_lock(
                lock_path, queries.values(), settings, refresh=args.refresh, check=args.check, notices=notices
            )
        except LockError as exc:
            print(f"medlint: {safe_text(str(exc))}", file=sys.stderr)
            failed = True
            continue
        except Offline as exc:
            print(f"medlint: refs sync: {exc} {shown} keeps what was resolved so far", file=sys.stderr)
            return EXIT_ERROR
        except KeyboardInterrupt:
            print(f"medlint: refs sync interrupted; {shown} keeps what was resolved so far", file=sys.stderr)
            return EXIT_ERROR
        if args.check:
            for key in outcome.stale:
                state = "not in the lock" if key in queries else "in the lock but cited by no article"
                print(f"{shown}: {key} {state}")
            stale = stale or bool(outcome.stale)
            continue
        print(
            f"{shown}: {len(queries)} references: {outcome.fetched} resolved, {outcome.kept} already locked, "
            f"{outcome.pruned} pruned, {outcome.unverified} unverified"
        )
    if failed:
        return EXIT_ERROR
    if args.check and stale:
        print("medlint: the reference lock is out of date; run 'medlint refs sync'", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_CLEAN


COMMANDS = {
    "check": run_check,
    "report": run_report,
    "rules": run_rules,
    "rule": run_rule,
    "graph": run_graph,
    "server": run_server,
    "refs": run_refs,
}
