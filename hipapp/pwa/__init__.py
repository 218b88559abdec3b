"""Installability: the manifest, icons, theme colours, QR codes and the worker's precache.

No Flask here: the web layer says where things are, these modules draw and describe them.
"""
