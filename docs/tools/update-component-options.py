#!/usr/bin/env python3
"""Rewrites the option and header tables of docs/evolink-component.adoc from the catalog JSON that the
camel-component-maven-plugin generates (build the component first). GeneratedMetadataTest fails when they drift."""
import json
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
catalog = json.loads((root / "camel-evolink-component/src/generated/resources/META-INF/org/camelevolink/component/"
                      "evolink.json").read_text())
adoc_path = root / "docs/evolink-component.adoc"


def esc(s):
    return str(s).replace("|", "\\|")


def options(props):
    rows = ['[width="100%",cols="2,5,^1,2",options="header"]', "|===", "| Name | Description | Default | Type"]
    for name, p in props.items():
        desc = esc(p.get("description", ""))
        if p.get("enum"):
            desc += " Values: " + ", ".join(p["enum"]) + "."
        if p.get("secret"):
            desc += " (secret)"
        rows.append(f"| *{name}* ({p.get('group', 'common')}) | {desc} | {esc(p.get('defaultValue', ''))} | "
                    f"{p.get('javaType', '').split('.')[-1]}")
    return "\n".join(rows + ["|==="])


def headers(hs):
    rows = ['[width="100%",cols="2,5,2",options="header"]', "|===", "| Name | Description | Type"]
    for name, h in hs.items():
        rows.append(f"| *{name}* | {esc(h.get('description', ''))} | {h.get('javaType', '').split('.')[-1]}")
    return "\n".join(rows + ["|==="])


tables = {
    "component": options(catalog["componentProperties"]),
    "path": options({k: v for k, v in catalog["properties"].items() if v.get("kind") == "path"}),
    "endpoint": options({k: v for k, v in catalog["properties"].items() if v.get("kind") != "path"}),
    "headers": headers(catalog["headers"]),
}
text = adoc_path.read_text()
for name, table in tables.items():
    text = re.sub(rf"(// generated:{name}:begin\n).*?(// generated:{name}:end)",
                  lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
adoc_path.write_text(text)
print("updated", adoc_path)
