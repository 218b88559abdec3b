"""Expand routines and program days into the timed steps the player plays. Pure functions."""
