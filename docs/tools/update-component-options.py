#!/usr/bin/env python3
"""Rewrites the option and header tables of docs/evolink-component.adoc from the catalog JSON that the
camel-component-maven-plugin generates (build the component first). With --check it changes nothing and exits 1
when the tables differ from what it would write: GeneratedMetadataTest runs it so, and fails when they drift."""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
catalog = json.loads((root / "camel-evolink-component/src/generated/resources/META-INF/org/camelevolink/component/"
                      "evolink.json").read_text())
adoc_path = root / "docs/evolink-component.adoc"


# AsciiDoc inline formatting marks, written as attribute references (replaced after the formatting pass, so they
# always render as the character itself); "|" ends a table cell and is escaped the table's way
MARKS = {"*": "{asterisk}", "`": "{backtick}", "^": "{caret}", "~": "{tilde}", "+": "{plus}", "#": "&#35;"}


def esc(s):
    text = "".join(MARKS.get(c, c) for c in str(s)).replace("|", "\\|")
    # "_" emphasises only at the edge of a word (model_params is safe, _x_ is not)
    return re.sub(r"(?<!\w)_|_(?!\w)", "&#95;", text)


def value(v):
    """A default as a Camel user writes it: JSON's true/false, numbers as they are."""
    if isinstance(v, bool):
        return "true" if v else "false"
    return esc(v)


def java_type(t):
    """java.util.Map<java.lang.String, java.lang.Object> as Map<String, Object>, byte[] as byte[]."""
    return esc(re.sub(r"\b(?:[a-z_][A-Za-z0-9_]*\.)+(?=[A-Za-z_])", "", t or "").replace("$", "."))


def options(props):
    rows = ['[width="100%",cols="2,5,^1,2",options="header"]', "|===", "| Name | Description | Default | Type"]
    for name, p in props.items():
        desc = esc(p.get("description", ""))
        if p.get("enum"):
            desc += " Values: " + ", ".join(esc(v) for v in p["enum"]) + "."
        if p.get("secret"):
            desc += " (secret)"
        rows.append(f"| *{name}* ({p.get('group', 'common')}) | {desc} | {value(p.get('defaultValue', ''))} | "
                    f"{java_type(p.get('javaType'))}")
    return "\n".join(rows + ["|==="])


def headers(hs):
    rows = ['[width="100%",cols="2,5,2",options="header"]', "|===", "| Name | Description | Type"]
    for name, h in hs.items():
        rows.append(f"| *{name}* | {esc(h.get('description', ''))} | {java_type(h.get('javaType'))}")
    return "\n".join(rows + ["|==="])


tables = {
    "component": options(catalog["componentProperties"]),
    "path": options({k: v for k, v in catalog["properties"].items() if v.get("kind") == "path"}),
    "endpoint": options({k: v for k, v in catalog["properties"].items() if v.get("kind") != "path"}),
    "headers": headers(catalog["headers"]),
}
old = adoc_path.read_text()
text = old
for name, table in tables.items():
    text, count = re.subn(rf"(// generated:{name}:begin\n).*?(// generated:{name}:end)",
                          lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
    if count != 1:
        sys.exit(f"{adoc_path}: expected one '// generated:{name}:begin' ... ':end' block, found {count}")
if "--check" in sys.argv[1:]:
    if text != old:
        sys.exit(f"{adoc_path}: the generated tables are out of date; run {pathlib.Path(__file__).name}")
    print("up to date", adoc_path)
else:
    adoc_path.write_text(text)
    print("updated", adoc_path)
