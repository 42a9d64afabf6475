"""The demo site and the benchmark's generated content: `manage.py seed_demo`.

Not part of the production image (.dockerignore leaves demo/ out); the settings install it
when it is importable and DEMO_APP is not 0.
"""
