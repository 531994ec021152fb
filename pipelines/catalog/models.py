"""A catalog product: the one source of truth for prices, specs, dates and allergens."""

from __future__ import annotations

from dataclasses import dataclass, field

# Canonical field names for the well-known columns, so code can ask for "price" whatever the header.
FIELD_COLUMNS = {
    "price": ("price_yuan", "price", "价格", "售价", "团购价"),
    "spec": ("spec", "规格"),
    "unit": ("unit", "单位"),
    "origin": ("origin", "产地"),
    "storage": ("storage", "储存", "保存方式", "储存方式"),
    "allergens": ("allergens", "过敏原"),
    "shelf_life": ("shelf_life", "保质期"),
    "selling_points": ("selling_points", "卖点"),
    "arrival": ("arrival", "到货", "到货时间"),
    "stock": ("stock", "库存"),
    "category": ("category", "分类", "品类"),
}
FIELD_LABELS = {
    "price": "价格", "spec": "规格", "unit": "单位", "origin": "产地", "storage": "储存",
    "allergens": "过敏原", "shelf_life": "保质期", "selling_points": "卖点", "arrival": "到货",
    "stock": "库存", "category": "品类",
}


@dataclass
class Product:
    sku: str
    name: str
    fields: dict[str, str] = field(default_factory=dict)  # every column, as given

    def get(self, key: str, default: str = "") -> str:
        """A field by canonical name (`price`, `allergens`, ...) or by its raw column name."""
        for column in FIELD_COLUMNS.get(key, (key,)):
            value = self.fields.get(column)
            if value not in (None, ""):
                return str(value).strip()
        return default

    @property
    def price(self) -> str:
        return self.get("price")

    @property
    def allergens(self) -> list[str]:
        raw = self.get("allergens")
        return [a.strip() for a in raw.replace("；", ";").replace("、", ";").split(";") if a.strip()]

    def describe(self) -> str:
        """The product as a plain Chinese fact sheet, for indexing and for extractive answers."""
        lines = [f"商品：{self.name}（编号 {self.sku}）"]
        price, unit = self.get("price"), self.get("unit")
        if price:
            lines.append(f"价格：{price}元" + (f"/{unit}" if unit else ""))
        for key in ("spec", "origin", "shelf_life", "storage", "selling_points", "arrival", "category"):
            if value := self.get(key):
                lines.append(f"{FIELD_LABELS[key]}：{value}")
        lines.append(f"过敏原：{'、'.join(self.allergens) if self.allergens else '无'}")
        return "\n".join(lines)
