@echo fake maven wrapper
