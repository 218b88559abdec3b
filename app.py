from hipapp import create_app

# The server's entry point (gunicorn, hypercorn). It keeps each content file's parse in
# the gen folder between starts, as the build and the preview do, so a restart after a
# content change parses only the files that changed.
app = create_app(config={"CONTENT_CACHE": True})
