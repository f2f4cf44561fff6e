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


def test_the_check_finds_a_module_importing_its_own_package(tmp_path, monkeypatch):
    """`from pkg import sub` inside pkg runs pkg/__init__.py, which may import
    the module back: grimp alone records only `pkg.sub`."""
    package = tmp_path / "circp"
    package.mkdir()
    (package / "__init__.py").write_text("from circp.index import build\n")
    (package / "index.py").write_text("from circp import segment\n\nbuild = 1\n")
    (package / "segment.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = import_graph(("circp",))
    assert import_cycles(graph) == [["circp", "circp.index"]]
    assert cycle_path(graph, ["circp", "circp.index"]) == (
        "circp -> circp.index -> circp"
    )
