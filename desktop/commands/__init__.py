"""The headless commands behind `factlight analyze|export|…`: argument handling and terminal output.

cli.py dispatches here; these modules call the documents, analysis and store layers and never import Qt.
"""
