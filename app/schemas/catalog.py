from __future__ import annotations

from pydantic import BaseModel

from pipelines.catalog import Product


class ProductPublic(BaseModel):
    sku: str
    name: str
    price: str
    fields: dict[str, str]

    @classmethod
    def of(cls, product: Product) -> ProductPublic:
        return cls(sku=product.sku, name=product.name, price=product.price,
                   fields={k: str(v) for k, v in product.fields.items()})


class ProductsPublic(BaseModel):
    data: list[ProductPublic]
    count: int
