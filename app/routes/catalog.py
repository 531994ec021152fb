from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.deps import CtxDep, TenantDep
from app.schemas.catalog import ProductPublic, ProductsPublic
from app.schemas.knowledge import IngestResult
from app.services import catalog as service
from app.uploads import StreamingUpload, multipart_body

router = APIRouter(prefix="/v1/products", tags=["catalog"])


@router.get("", response_model=ProductsPublic)
def list_products(ctx: CtxDep, tenant: TenantDep) -> ProductsPublic:
    """The group's catalog, by SKU: every column of the uploaded sheet is in `fields`."""
    products = [ProductPublic.of(p) for p in service.tenant_catalog(ctx, tenant.id)]
    return ProductsPublic(data=products, count=len(products))


@router.post("", response_model=IngestResult, status_code=201,
             openapi_extra=multipart_body("catalog CSV (UTF-8 or GBK) or JSON, one product per row"))
async def upload_catalog(request: Request, ctx: CtxDep, tenant: TenantDep) -> IngestResult:
    """A catalog CSV (UTF-8 or GBK) or JSON, multipart field `file`: its products replace the ones
    the same file listed before, and are indexed into the knowledge base."""
    upload = await StreamingUpload(ctx.files.tmp, ctx.settings.uploads.limit("catalog")).parse(request)
    data = upload.read_and_discard()
    return IngestResult(**await run_in_threadpool(service.upload_catalog, ctx, tenant.id, upload.file.filename, data))


@router.get("/{sku}", response_model=ProductPublic)
def get_product(sku: str, ctx: CtxDep, tenant: TenantDep) -> ProductPublic:
    return ProductPublic.of(service.get_product(ctx, tenant.id, sku))


@router.delete("/{sku}", status_code=204)
def delete_product(sku: str, ctx: CtxDep, tenant: TenantDep) -> Response:
    service.delete_product(ctx, tenant.id, sku)
    return Response(status_code=204)
