"""The hostile-content corpus: malformed studio folders and what hipapp must answer."""
