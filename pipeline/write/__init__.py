"""Write: document records to JSON, TMX and corpus-level files. Only here and in ingest
does duiqi touch the file system."""
