"""Files in, Messages (or dead letters) out."""
