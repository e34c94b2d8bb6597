"""``medlint server``: a Language Server over stdio, for editors (pygls, from the ``[lsp]`` extra).

It lints the editor's buffer, not the file on disk: on open, on change (debounced) and on save.
Diagnostics carry the rule code and a link to its docs; safe fixes are quick fixes (code actions);
hovering a finding shows the rule's documentation. Positions are sent in the encoding the client
negotiated (UTF-16 unless it asks otherwise). Only per-file rules run, with the configuration
nearest to the file; a bad configuration is shown with ``window/showMessage`` and the server keeps
running.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.config import ConfigError, ConfigResolver
from linter.findings import Finding, Severity
from linter.results import Options
from linter.source import Source

DEBOUNCE_SECONDS = 0.3
DOCS_URL = "https://medlint.invalid/rules/{code}"  # `medlint rule CODE` prints the same text
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class MedlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("medlint", __version__)
        self.resolver = ConfigResolver()
        self.findings: dict[str, list[Finding]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    # -- linting ------------------------------------------------------------------------------
    def lint(self, uri: str) -> None:
        from linter.engine import lint_source

        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) or uri
        try:
            config = self.resolver.for_path(Path(path))
        except ConfigError as exc:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"medlint: {exc}"))
            return
        result = lint_source(Source(path, document.source), config, Options(), config.relpath(Path(path)))
        self.findings[uri] = result.findings
        lines = document.source.split("\n")
        diagnostics = [self.diagnostic(f, lines) for f in result.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        )

    def schedule(self, uri: str) -> None:
        """Lint after the typing pauses: each change restarts the timer."""
        loop = asyncio.get_event_loop()
        if uri in self.pending:
            self.pending[uri].cancel()
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self.lint, uri)

    # -- positions ----------------------------------------------------------------------------
    def units(self, line: str, column: int) -> int:
        """A 1-based code-point column as the client's position units (UTF-16 by default)."""
        prefix = line[: max(0, column - 1)]
        encoding = str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        if encoding == types.PositionEncodingKind.Utf8:
            return len(prefix.encode("utf-8"))
        if encoding == types.PositionEncodingKind.Utf32:
            return len(prefix)
        return len(prefix.encode("utf-16-le")) // 2

    def position(self, lines: list[str], line: int, column: int) -> types.Position:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return types.Position(line=line - 1, character=self.units(text, column))

    def range_of(self, lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> types.Range:
        return types.Range(start=self.position(lines, *start), end=self.position(lines, *end))

    def diagnostic(self, f: Finding, lines: list[str]) -> types.Diagnostic:
        return types.Diagnostic(
            range=self.range_of(lines, (f.line, f.column), (f.end_line, f.end_column)),
            message=f.message,
            severity=_SEVERITY[f.severity],
            code=f.rule,
            code_description=types.CodeDescription(href=DOCS_URL.format(code=f.rule)),
            source="medlint",
        )


server = MedlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: MedlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MedlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: MedlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MedlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.findings.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_actions(ls: MedlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    lines = ls.workspace.get_text_document(uri).source.split("\n")
    source = Source(uri, "\n".join(lines))
    actions = []
    for f in ls.findings.get(uri, []):
        if not f.safely_fixable or f.line - 1 > params.range.end.line or f.end_line - 1 < params.range.start.line:
            continue
        edits = []
        for edit in f.edits:
            start, end = source.position(edit.start), source.position(edit.end)
            edits.append(types.TextEdit(range=ls.range_of(lines, start, end), new_text=edit.replacement))
        actions.append(
            types.CodeAction(
                title=f"medlint: fix {f.rule} ({f.name})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[ls.diagnostic(f, lines)],
                edit=types.WorkspaceEdit(changes={uri: edits}),
                is_preferred=True,
            )
        )
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: MedlintServer, params: types.HoverParams) -> types.Hover | None:
    from linter.rules import find_rule

    line = params.position.line + 1
    for f in ls.findings.get(params.text_document.uri, []):
        if f.line <= line <= f.end_line:
            rule = find_rule(f.rule)
            if rule is not None:
                text = f"**{rule.code} {rule.name}**: {f.message}\n\n{rule.docs}"
                return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
    return None


def run(args: Any = None) -> int:
    server.start_io()
    return 0
