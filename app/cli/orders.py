"""`wutong orders FILE`: a pasted 接龙 -> totals, unreadable lines, and CSV / pick-list files."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from app.cli.common import console, context_and_tenant
from pipelines.zh import canonical


def orders(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="The 接龙 as a text file."),
           catalog: Path = typer.Option(None, "--catalog", exists=True, dir_okay=False,
                                        help="A catalog CSV/JSON; default: the tenant's catalog."),
           csv_out: Path = typer.Option(None, "--csv", help="Write the orders as CSV here."),
           html_out: Path = typer.Option(None, "--pick-list", help="Write the printable A4 pick list here."),
           as_json: bool = typer.Option(False, "--json", help="Print the whole parse as JSON."),
           tenant: str = typer.Option("default", "--tenant")) -> None:
    """Read a WeChat 接龙: orders, totals per product and building, and every line not counted."""
    from pipelines.catalog import load_catalog
    from pipelines.orders import orders_csv, parse_jielong, pick_list_html
    from pipelines.textio import decode_text

    text = decode_text(file.read_bytes(), "接龙文件")
    if catalog:
        result = parse_jielong(text, load_catalog(catalog))
    else:
        from app.services.orders import read_jielong

        ctx, found = context_and_tenant(tenant)
        result = read_jielong(ctx, found.id, text)
    if csv_out:
        csv_out.write_text(orders_csv(result), encoding="utf-8")
    if html_out:
        html_out.write_text(pick_list_html(result), encoding="utf-8")
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    _print_summary(result)


def _print_summary(result) -> None:
    print(f"{len(result.orders)} 单")
    for total in result.totals:
        print(f"  {total.name}\t{canonical(total.qty)} {total.unit}\t({total.orders} 单)")
    for building in result.buildings:
        print(f"  {building.building}\t{building.orders} 单")
    if result.unreadable:
        console.print(f"[yellow]{len(result.unreadable)} 行没有计入：[/yellow]")
        for line in result.unreadable:
            console.print(f"  [yellow]{line.text}[/yellow]  → {line.why}")


def register(app: typer.Typer) -> None:
    app.command()(orders)
