#!/usr/bin/env python3
"""Man pages for kleroterion and each subcommand, generated from the argument parser's own description of the
commands (`kleroterion --experimental-dump-help`), so they always match the options the program accepts.

Usage: manpages.py KLEROTERION_BINARY VERSION OUT_DIR   (writes kleroterion.1 and kleroterion-COMMAND.1)
"""
import json
import os
import subprocess
import sys
import datetime


def esc(text):
    """Escapes text for troff: backslashes, and a leading dot or quote that would read as a request."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n"))


def option_line(arg):
    names = [("--" if n["kind"] == "long" else "-") + n["name"] for n in arg.get("names", [])]
    if arg["kind"] == "positional":
        head = "<" + arg.get("valueName", "value") + ">"
    elif arg["kind"] == "flag":
        head = ", ".join(names)
    else:
        head = ", ".join(names) + " <" + arg.get("valueName", "value") + ">"
    default = arg.get("defaultValue")
    body = arg.get("abstract", "") + (f" (default: {default})" if default not in (None, "") else "")
    return f".TP\n\\fB{esc(head)}\\fR\n{esc(body)}\n"


def page(cmd, name, version, date, see_also):
    out = [f'.TH "{name.upper()}" "1" "{date}" "kleroterion {version}" "Kleroterion manual"',
           ".SH NAME", f"{esc(name)} \\- {esc(cmd.get('abstract', ''))}", ".SH SYNOPSIS"]
    args = [a for a in cmd.get("arguments", []) if a.get("shouldDisplay", True)]
    required = " ".join(("--" + a["preferredName"]["name"] + " <" + a.get("valueName", "value") + ">") if a["kind"] == "option"
                        else "<" + a.get("valueName", "value") + ">" for a in args if not a.get("isOptional", True))
    out.append(f"\\fB{esc(name.replace('-', ' ', 1))}\\fR {esc(required)} [options]")
    if cmd.get("discussion"):
        out += [".SH DESCRIPTION", esc(cmd["discussion"])]
    if args:
        out.append(".SH OPTIONS")
        out += [option_line(a) for a in args]
    subs = [s for s in cmd.get("subcommands", []) if s.get("shouldDisplay", True) and s["commandName"] != "help"]
    if subs:
        out.append(".SH COMMANDS")
        for s in subs:
            out.append(f".TP\n\\fB{esc(s['commandName'])}\\fR\n{esc(s.get('abstract', ''))}")
    out += [".SH EXIT STATUS", "0 on success; 2 when an input is wrong (the message names the file, the line and the fix).",
            ".SH SEE ALSO", ", ".join(f"\\fB{esc(s)}\\fR(1)" for s in see_also if s != name),
            ".PP", "The templates are in /usr/share/kleroterion/strata-templates; the documentation in /usr/share/doc/kleroterion."]
    return "\n".join(out) + "\n"


def main():
    binary, version, folder = sys.argv[1:4]
    tree = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout)["command"]
    # SOURCE_DATE_EPOCH (reproducible builds) when set, else today.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date() if epoch else datetime.date.today()).isoformat()
    subs = [s for s in tree.get("subcommands", []) if s["commandName"] != "help"]
    names = ["kleroterion"] + ["kleroterion-" + s["commandName"] for s in subs]
    with open(f"{folder}/kleroterion.1", "w", encoding="utf-8") as f:
        f.write(page(tree, "kleroterion", version, date, names))
    for s in subs:
        with open(f"{folder}/kleroterion-{s['commandName']}.1", "w", encoding="utf-8") as f:
            f.write(page(s, "kleroterion-" + s["commandName"], version, date, names))


if __name__ == "__main__":
    main()
