"""The Qt layer: main window, article view, panels, workers and theme. Only this package imports Qt."""
