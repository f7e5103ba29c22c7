"""Benchmarks behind `newsarchive bench`: each run is a fresh subprocess, measured from outside."""
