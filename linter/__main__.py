from linter.entry import main_entry

main_entry()
