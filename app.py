from hipapp import create_app

app = create_app()
