"""Serving the site: the app factory, views, URLs, headers, delivery, bundles, view models."""
