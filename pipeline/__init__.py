"""duiqi (对齐): Chinese–English sentence alignment for historical documents."""
__version__ = "0.1.0"
