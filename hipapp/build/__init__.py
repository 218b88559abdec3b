"""The static export: every URL of the site frozen to files, all or nothing."""
