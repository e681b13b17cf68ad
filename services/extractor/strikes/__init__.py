"""strikes"""
