"""Stage 2: what a document says: its text and date, sentences, temporal expressions (timex/), events and
figures (items/), feed entries."""
