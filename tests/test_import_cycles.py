from tests.import_cycles import cycle_path, import_cycles, import_graph


def test_no_module_imports_itself_through_others():
    graph = import_graph()
    circles = [cycle_path(graph, group) for group in import_cycles(graph)]
    assert not circles, "import circles:\n" + "\n".join(circles)


def test_the_check_finds_a_circle_hidden_in_a_function(tmp_path, monkeypatch):
    package = tmp_path / "circ"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from . import a\n")
    (package / "c.py").write_text("from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = import_graph(("circ",))
    assert import_cycles(graph) == [["circ.a", "circ.b"]]
    assert cycle_path(graph, ["circ.a", "circ.b"]) == "circ.a -> circ.b -> circ.a"
