"""Media and AI work for Wutong: plain data in, plain data out. No FastAPI imports here."""
