package dev.driftwatch.config;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The javadoc of interfaces and their methods, read from the sources (reflection cannot see it). Sources are
 * only parsed, not compiled: no class path is needed. Keys are {@code Outer.Inner} and {@code Outer.Inner#method}.
 */
final class JavadocIndex {

    private final Map<String, String> docs = new HashMap<>();

    static JavadocIndex of(List<Path> sources) {
        JavadocIndex index = new JavadocIndex();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(
                    null, files, null, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(sources));
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                index.scan(unit, trees);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    /** The doc comment of a type ({@code Outer.Inner}) or method ({@code Outer.Inner#method}), empty when none. */
    String of(String key) {
        return docs.getOrDefault(key, "");
    }

    private void scan(CompilationUnitTree unit, Trees trees) {
        new TreePathScanner<Void, String>() {
            @Override
            public Void visitClass(ClassTree type, String outer) {
                String name = outer.isEmpty() ? type.getSimpleName().toString() : outer + "." + type.getSimpleName();
                put(name, trees.getDocComment(getCurrentPath()));
                return super.visitClass(type, name);
            }

            @Override
            public Void visitMethod(MethodTree method, String owner) {
                put(owner + "#" + method.getName(), trees.getDocComment(getCurrentPath()));
                return null;
            }
        }.scan(new TreePath(unit), "");
    }

    private void put(String key, String comment) {
        if (comment != null) {
            docs.put(key, comment);
        }
    }
}
