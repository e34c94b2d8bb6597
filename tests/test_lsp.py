"""A real LSP session over stdio: diagnostics on open and change, a quick fix, hover, clean shutdown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytest.importorskip("pygls")


class Client:
    def __init__(self, cwd) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "linter", "server"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False) -> int | None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def read(self) -> dict:
        headers = {}
        while True:
            line = self.proc.stdout.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            key, _, value = line.decode().partition(":")
            headers[key.strip().lower()] = value.strip()
        return json.loads(self.proc.stdout.read(int(headers["content-length"])))

    def open(self, root, uri: str, text: str) -> None:
        """initialize, initialized, and didOpen of one Markdown document."""
        request = self.send("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}, True)
        self.wait_for(lambda m: m.get("id") == request)
        self.send("initialized", {})
        document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
        self.send("textDocument/didOpen", {"textDocument": document})

    def wait_for(self, predicate, timeout: float = 30) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.read()
            if predicate(message):
                return message
        raise AssertionError("no such message")


def test_lsp_session(tmp_path):
    path = tmp_path / "a.md"
    text = "# Dosing\n\n😀 The usual dose is 10mg twice a day, as your doctor advises.\n"
    path.write_text(text)
    uri = path.as_uri()
    client = Client(tmp_path)
    try:
        client.open(tmp_path, uri, text)
        published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        diagnostics = published["params"]["diagnostics"]
        dose = next(d for d in diagnostics if d["code"] == "DOSE007")
        assert dose["range"]["start"] == {"line": 2, "character": 21}  # UTF-16: the emoji counts twice
        assert dose["source"] == "medlint" and "rules/DOSE007" in dose["codeDescription"]["href"]
        # the buffer, not the file on disk: fix the dose in the editor only
        changed = text.replace("10mg", "10 mg")
        client.send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]},
        )
        again = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert "DOSE007" not in [d["code"] for d in again["params"]["diagnostics"]]
        client.send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]},
        )
        client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        request = client.send(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": dose["range"], "context": {"diagnostics": [dose]}},
            True,
        )
        actions = client.wait_for(lambda m: m.get("id") == request)["result"]
        fix = next(a for a in actions if "DOSE007" in a["title"])
        (edit,) = fix["edit"]["changes"][uri]
        assert edit["newText"] == "10 mg" and edit["range"]["start"] == {"line": 2, "character": 21}
        request = client.send(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 22}}, True
        )
        hover = client.wait_for(lambda m: m.get("id") == request)["result"]
        assert "DOSE007" in hover["contents"]["value"]
        request = client.send("shutdown", None, True)
        client.wait_for(lambda m: m.get("id") == request)
        client.send("exit", None)
        assert client.proc.wait(timeout=10) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()


def test_lsp_reports_a_bad_configuration_as_a_message(tmp_path):
    (tmp_path / "medlint.toml").write_text("unknown-key = 1\n")
    path = tmp_path / "a.md"
    path.write_text("# T\n\nText.\n")
    client = Client(tmp_path)
    try:
        client.open(tmp_path, path.as_uri(), "# T\n\nText.\n")
        message = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert "unknown key 'unknown-key'" in message["params"]["message"]
        assert client.proc.poll() is None  # still running
    finally:
        client.proc.kill()
        client.proc.wait(timeout=10)
