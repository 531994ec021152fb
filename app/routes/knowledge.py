from fastapi import APIRouter, Request, Response
from pydantic import ValidationError

from app.deps import CtxDep, TenantDep
from app.errors import invalid_request
from app.schemas.knowledge import (
    DocumentCreate,
    DocumentPublic,
    DocumentsPublic,
    GapAnswer,
    GapPublic,
    GapsPublic,
    IngestResult,
    SearchHit,
    SearchQuery,
    SearchResults,
)
from app.services import knowledge as service
from app.uploads import StreamingUpload, multipart_body

router = APIRouter(prefix="/v1/knowledge", tags=["knowledge"])
DOCUMENT_BODY = multipart_body("Markdown or text, or a catalog CSV/JSON", path="the document's id (default: the file name)",
                               kind="recipe, faq, product, transcript or doc")
DOCUMENT_BODY["requestBody"]["content"]["application/json"] = {"schema": DocumentCreate.model_json_schema()}


async def _json_document(request: Request) -> DocumentCreate:
    try:
        return DocumentCreate.model_validate_json(await request.body())
    except ValidationError as exc:
        raise invalid_request(exc) from None


@router.post("/documents", response_model=IngestResult, status_code=201, openapi_extra=DOCUMENT_BODY)
async def add_document(request: Request, ctx: CtxDep, tenant: TenantDep) -> IngestResult:
    """Multipart `file` (+ optional `path`, `kind`), or JSON {path, text, title?, kind?}.
    Catalog CSV/JSON files become products (id = SKU); Markdown/text become documents (id = path)."""
    if request.headers.get("content-type", "").startswith("application/json"):
        body = await _json_document(request)
        result = await service.run_ingest(ctx, tenant.id, service.add_text_document, body.path, body.text,
                                          title=body.title, kind=body.kind)
        return IngestResult(**result)
    upload = await StreamingUpload(ctx.files.tmp, service.upload_limit(ctx)).parse(request)
    data = upload.read_and_discard()
    result = await service.run_ingest(ctx, tenant.id, service.ingest_upload, upload.file.filename, data,
                                      path=upload.field("path"), kind=upload.field("kind"))
    return IngestResult(**result)


@router.get("/documents", response_model=DocumentsPublic)
def list_documents(ctx: CtxDep, tenant: TenantDep) -> DocumentsPublic:
    docs = [DocumentPublic.model_validate(d, from_attributes=True) for d in service.list_documents(ctx, tenant.id)]
    return DocumentsPublic(data=docs, count=len(docs))


@router.delete("/documents/{doc_id:path}", status_code=204)
def delete_document(doc_id: str, ctx: CtxDep, tenant: TenantDep) -> Response:
    """Remove a document's chunks (a product: its catalog row too); gaps it answered are open again."""
    service.delete_document(ctx, tenant.id, doc_id)
    return Response(status_code=204)


@router.post("/search", response_model=SearchResults)
def search(body: SearchQuery, ctx: CtxDep, tenant: TenantDep) -> SearchResults:
    hits = service.search(ctx, tenant.id, body.query, body.k)
    return SearchResults(data=[SearchHit.model_validate(h, from_attributes=True) for h in hits])


@router.get("/gaps", response_model=GapsPublic)
def list_gaps(ctx: CtxDep, tenant: TenantDep, status: str | None = "open") -> GapsPublic:
    gaps = [GapPublic.model_validate(g, from_attributes=True) for g in service.list_gaps(ctx, tenant.id, status)]
    return GapsPublic(data=gaps, count=len(gaps))


@router.post("/gaps/{gap_id}/answer", response_model=IngestResult, status_code=201)
async def answer_gap(gap_id: str, body: GapAnswer, ctx: CtxDep, tenant: TenantDep) -> IngestResult:
    """The leader's answer becomes an FAQ document, so the bot can answer the question next time."""
    return IngestResult(**await service.run_ingest(ctx, tenant.id, service.answer_gap, gap_id, body.answer))
