"""``marketing-agents``: run the local host, create and follow campaigns, review them,
and audit copy from the command line."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.live import Live
from rich.text import Text

from ..protocol import ON_ARTIFACT_GENERATED, ON_CHUNK_RECEIVED, SETTLED_STATUSES
from ..settings.cli import load_cli_settings
from .auth import bearer_headers
from .client import ApiClient, CliError
from .render import campaigns_table, event_line, print_snapshot, render_progress

APP_DIR = Path(__file__).resolve().parents[2]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marketing-agents",
        description="Turn a campaign brief into compliance-checked marketing copy, social posts and a poster.",
    )
    parser.add_argument("--url", help="API host (default $MARKETING_AGENTS_URL or http://127.0.0.1:7071)")
    parser.add_argument("--user", help="act as this user id (sent as x-ms-client-principal-id)")
    parser.add_argument("--scope", help="send an Entra ID access token for this scope, as a deployed app needs: "
                        "api://<AUTH_CLIENT_ID>/.default (default $MARKETING_AGENTS_SCOPE; "
                        "from az login, azd auth login or AZURE_* service principal variables)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the local Functions + Durable host (devhost)")
    serve.add_argument("--port", type=int, default=7071)
    serve.add_argument("--app", default=str(APP_DIR), help="folder with function_app.py")
    serve.add_argument("--state", help="state folder (default APP/.devhost)")
    serve.add_argument("--virtual-clock", action="store_true", help="timers advance only when told (testing)")

    campaign = commands.add_parser("campaign", help="create, follow and review campaigns")
    actions = campaign.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a campaign from a brief JSON file")
    create.add_argument("brief", help="path to the brief (see examples/briefs/)")
    create.add_argument("--watch", action="store_true", help="follow progress live until review")
    show = actions.add_parser("show", help="show a campaign: versions, audit and findings")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print the snapshot as JSON")
    show.add_argument("--no-content", action="store_true", help="leave out the artifacts' text")
    listing = actions.add_parser("list", help="list your campaigns")
    listing.add_argument("--status")
    listing.add_argument("--page-size", type=int, default=20)
    listing.add_argument("--json", action="store_true")
    watch = actions.add_parser("watch", help="follow a campaign live until it waits for review")
    watch.add_argument("id")
    revise = actions.add_parser("revise", help="ask for a revision in plain language")
    revise.add_argument("id")
    revise.add_argument("--feedback", required=True, help='e.g. "shorter, more energetic"')
    revise.add_argument("--change", action="append", default=[], help="a specific change (repeatable)")
    revise.add_argument("--type", action="append", choices=["Copy", "ShortCopy", "Visual"], help="only these artifacts")
    revise.add_argument("--watch", action="store_true")
    edit = actions.add_parser(
        "edit", help="save your edit of an artifact (a new version by you, audited at once, back in review)"
    )
    edit.add_argument("id")
    edit.add_argument("type", choices=["Copy", "ShortCopy", "Visual"], help="which artifact")
    edit.add_argument("data", metavar="DATA.json",
                      help="the artifact's edited data (its \"data\" as `campaign show ID --json` prints it)")
    edit.add_argument("--based-on", metavar="VERSION_ID",
                      help="the version you edited (default: the active one, read now)")
    edit.add_argument("--comment", help="a note kept with the version (at most 500 characters)")
    edit.add_argument("--watch", action="store_true", help="follow the audit until the campaign is back in review")
    approve = actions.add_parser("approve", help="approve the campaign awaiting review")
    approve.add_argument("id")
    approve.add_argument("--comment")
    cancel = actions.add_parser("cancel", help="cancel a campaign")
    cancel.add_argument("id")
    export = actions.add_parser(
        "export", help="download the campaign as a zip (copy.md, short-copy.csv, poster, audits, approval)"
    )
    export.add_argument("id")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="where to write the zip (default ./<name>-<id>.zip, as the server names it)")

    audit = commands.add_parser("audit", help="audit a text, Markdown or artifacts JSON file")
    try:
        from ..compliance.cli import add_audit_arguments
    except ImportError:  # pragma: no cover - the compliance engine ships with the package
        audit.set_defaults(audit_unavailable=True)
    else:
        add_audit_arguments(audit)
    return parser


def _read_json_file(path: str, what: str) -> Any:
    file = Path(path)
    if not file.is_file():
        raise CliError(f"{what} not found: {path}", exit_code=2)
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CliError(f"{what} {path} is not valid JSON: {error}", exit_code=2) from error


def _read_brief(path: str) -> Any:
    return _read_json_file(path, "brief file")


def watch_campaign(api: ApiClient, console: Console, campaign_id: str, poll_seconds: float = 0.3) -> dict[str, Any]:
    """Follow the campaign live through SignalR, streamed copy included; without SignalR
    (negotiate unavailable) fall back to polling the event log."""
    from marketing_agents.realtime.client import NegotiateError, WatchRefused, follow

    events: list[dict[str, Any]] = []
    streaming: dict[str, str] = {"text": ""}
    state = {"status": "Generating"}
    with Live(render_progress(events, state["status"]), console=console, refresh_per_second=8,
              transient=False) as live:

        def on_event(envelope: dict[str, Any]) -> None:
            payload = envelope.get("payload") or {}
            if envelope["type"] == ON_CHUNK_RECEIVED:
                streaming["text"] = "" if payload.get("sequence") == 0 else streaming["text"]
                streaming["text"] += payload.get("chunk", "")
            elif payload.get("reply"):
                state["status"] = payload.get("status", state["status"])
            else:
                events.append(envelope)
                state["status"] = payload.get("status", state["status"])
                if envelope["type"] == ON_ARTIFACT_GENERATED:
                    streaming["text"] = ""
            tail = Text(streaming["text"][-600:], style="dim") if streaming["text"] else Text("")
            live.update(Group(render_progress(events, state["status"]), tail))

        try:
            snapshot = follow(api.base_url, api.user, campaign_id, on_event, extra_headers=api.auth_headers)
        except WatchRefused as error:
            raise CliError(str(error)) from error
        except NegotiateError:
            snapshot = None
    if snapshot is None:
        return _poll_campaign(api, console, campaign_id, poll_seconds)
    print_snapshot(console, snapshot, show_content=True)
    return snapshot


def _poll_campaign(api: ApiClient, console: Console, campaign_id: str, poll_seconds: float) -> dict[str, Any]:
    """Follow the campaign's event log until it waits for a person (or ends)."""
    events: list[dict[str, Any]] = []
    status = "Generating"
    last = 0
    with Live(render_progress(events, status), console=console, refresh_per_second=8, transient=False) as live:
        while True:
            new = api.get(f"/campaigns/{campaign_id}/events", after=last)["items"]
            if new:
                events.extend(new)
                last = new[-1]["sequence"]
            snapshot = api.get(f"/campaigns/{campaign_id}")
            status = snapshot["campaign"]["status"]
            live.update(render_progress(events, status))
            if status in SETTLED_STATUSES and not new:
                break
            time.sleep(poll_seconds)
    print_snapshot(console, snapshot, show_content=True)
    return snapshot


def _serve(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "devhost", "--app", args.app, "--port", str(args.port)]
    if args.state:
        command += ["--state", args.state]
    if args.virtual_clock:
        command.append("--virtual-clock")
    try:
        return subprocess.call(command, cwd=args.app)
    except KeyboardInterrupt:
        return 0


def _campaign(args: argparse.Namespace, api: ApiClient, console: Console) -> int:
    if args.action == "create":
        created = api.post("/campaigns", _read_brief(args.brief))
        console.print(f"Created campaign [bold]{created['id']}[/bold] ({created['status']})")
        if args.watch:
            snapshot = watch_campaign(api, console, created["id"])
            return 0 if snapshot["campaign"]["status"] != "Failed" else 1
        return 0
    if args.action == "show":
        snapshot = api.get(f"/campaigns/{args.id}")
        if args.json:
            console.print_json(json.dumps(snapshot))
        else:
            print_snapshot(console, snapshot, show_content=not args.no_content)
        return 0
    if args.action == "list":
        page = api.get("/campaigns", status=args.status, pageSize=args.page_size)
        if args.json:
            console.print_json(json.dumps(page))
        else:
            console.print(campaigns_table(page["items"]))
        return 0
    if args.action == "watch":
        watch_campaign(api, console, args.id)
        return 0
    if args.action == "revise":
        body: dict[str, Any] = {"feedback": args.feedback, "specificChanges": args.change}
        if args.type:
            body["artifactTypes"] = args.type
        result = api.post(f"/campaigns/{args.id}/revisions", body)
        console.print(f"Revision {result['revisionNumber']} requested for {args.id}")
        if args.watch:
            watch_campaign(api, console, args.id)
        return 0
    if args.action == "edit":
        return _edit(api, console, args)
    if args.action == "approve":
        campaign = api.post(f"/campaigns/{args.id}/approve", {"comment": args.comment} if args.comment else {})
        console.print(f"Campaign {args.id} is {campaign['status']}")
        return 0
    if args.action == "cancel":
        result = api.post(f"/campaigns/{args.id}/cancel")
        console.print(f"Campaign {args.id} is {result['status']}")
        return 0
    if args.action == "export":
        return _export(api, console, args.id, args.output)
    raise CliError(f"unknown action {args.action}", exit_code=2)


def _edit(api: ApiClient, console: Console, args: argparse.Namespace) -> int:
    data = _read_json_file(args.data, "data file")
    if not isinstance(data, dict):
        raise CliError(f"data file {args.data} must hold a JSON object (the artifact's data)", exit_code=2)
    based_on = args.based_on
    if based_on is None:
        active = api.get(f"/campaigns/{args.id}")["artifacts"].get(args.type)
        if active is None:
            raise CliError(f"campaign {args.id} has no {args.type} version to edit yet")
        based_on = active["id"]
    body: dict[str, Any] = {"artifactType": args.type, "data": data, "basedOnVersionId": based_on}
    if args.comment:
        body["comment"] = args.comment
    result = api.post(f"/campaigns/{args.id}/edits", body)
    console.print(f"Edit {result['editNumber']} of {args.id} saved; the campaign is {result['status']}")
    if args.watch:
        snapshot = watch_campaign(api, console, args.id)
        return 0 if snapshot["campaign"]["status"] != "Failed" else 1
    return 0


def _export(api: ApiClient, console: Console, campaign_id: str, output: str | None) -> int:
    body, suggested = api.download(f"/campaigns/{campaign_id}/export")
    target = Path(output) if output else Path(suggested or f"{campaign_id}.zip")
    try:
        target.write_bytes(body)
    except OSError as error:
        raise CliError(f"cannot write {target}: {error.strerror or error}", exit_code=2) from error
    console.print(f"Wrote {target} ({len(body):,} bytes)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = Console()
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "audit":
            if getattr(args, "audit_unavailable", False):
                raise CliError("the compliance engine is not installed", exit_code=2)
            from ..compliance.cli import run_audit

            return run_audit(args)
        api = ApiClient(args.url, args.user, auth_headers=bearer_headers(args.scope or load_cli_settings().scope))
        try:
            return _campaign(args, api, console)
        finally:
            api.close()
    except CliError as error:
        print(f"marketing-agents: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    """Console-script entry point."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main())


__all__ = ["entry", "event_line", "main"]
