"""Paths to the shared fixtures beside every checkout (../shared)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
MEDIA = SHARED / "media"
PRODUCTS_CSV = SHARED / "knowledge" / "products.csv"
RECIPES = SHARED / "knowledge" / "recipes"
STREAM_MP4 = MEDIA / "stream" / "stream.mp4"
