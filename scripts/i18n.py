"""Keep the message catalogue in step with the code.

    python scripts/i18n.py check     # exit 1 if a message lacks Danish or a .mo is stale
    python scripts/i18n.py update    # add new messages to the .po (empty msgstr), drop unused ones
    python scripts/i18n.py compile   # write the .mo beside each .po

No gettext tools needed: messages are found with the ast module and the .mo is written here.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "mgcheck"
LOCALE = PACKAGE / "locale"
DOMAIN = "mgcheck"
MARKERS = {"_", "N_"}  # N_: marked where declared, translated where shown (help)
# Typer's own strings that mgcheck translates for it (see i18n.localize_typer).
TYPER_MESSAGES = ["Arguments", "Options", "Commands", "Error", "Aborted."]


def extract(package: Path = PACKAGE) -> list[str]:
    """Every literal passed to _() or N_() in the package, in first-seen order."""
    found: dict[str, None] = dict.fromkeys(TYPER_MESSAGES)
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and (
                    (isinstance(node.func, ast.Name) and node.func.id in MARKERS)
                    or (isinstance(node.func, ast.Attribute) and node.func.attr in MARKERS)
                )
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, None)
    return list(found)


def _unquote(token: str) -> str:
    value = ast.literal_eval(token)
    if not isinstance(value, str):
        raise ValueError(token)
    return value


def parse_po(path: Path) -> dict[str, str]:
    """Read msgid/msgstr pairs (including the header under the empty msgid)."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            entries["".join(msgid)] = "".join(msgstr)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#") or not line:
            continue
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    flush()
    return entries


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def write_po(path: Path, entries: dict[str, str]) -> None:
    lines: list[str] = []
    for msgid, msgstr in entries.items():
        lines += [f"msgid {_quote(msgid)}", f"msgstr {_quote(msgstr)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def compile_mo(entries: dict[str, str]) -> bytes:
    """GNU .mo format: header, two index tables, then the strings (sorted by msgid)."""
    items = sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in entries.items() if v)
    count = len(items)
    ids = b"".join(k + b"\0" for k, _ in items)
    strs = b"".join(v + b"\0" for _, v in items)
    header_size = 7 * 4
    ids_start = header_size + count * 16
    strs_start = ids_start + len(ids)
    id_table, str_table = [], []
    offset = 0
    for key, _value in items:
        id_table += [len(key), ids_start + offset]
        offset += len(key) + 1
    offset = 0
    for _key, value in items:
        str_table += [len(value), strs_start + offset]
        offset += len(value) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, header_size, header_size + count * 8, 0, 0)
    tables = struct.pack(f"<{2 * count}I", *id_table) + struct.pack(f"<{2 * count}I", *str_table)
    return header + tables + ids + strs


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def problems() -> list[str]:
    wanted = extract()
    found: list[str] = []
    for po in catalogues():
        entries = parse_po(po)
        for msgid in wanted:
            if not entries.get(msgid):
                found.append(f"{po.relative_to(ROOT)}: no translation for {msgid!r}")
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compile_mo(entries):
            found.append(f"{mo.relative_to(ROOT)}: stale; run python scripts/i18n.py compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        wanted = extract()
        for po in catalogues():
            old = parse_po(po)
            new = {"": old.get("", "")} | {m: old.get(m, "") for m in wanted}
            write_po(po, new)
            missing = [m for m in wanted if not new[m]]
            print(f"{po.relative_to(ROOT)}: {len(wanted)} messages, {len(missing)} untranslated")
        return 0
    if command == "compile":
        for po in catalogues():
            po.with_suffix(".mo").write_bytes(compile_mo(parse_po(po)))
        return 0
    if command == "check":
        issues = problems()
        for line in issues:
            print(line)
        return 1 if issues else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
