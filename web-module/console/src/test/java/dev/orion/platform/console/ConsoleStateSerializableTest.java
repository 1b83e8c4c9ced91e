package dev.orion.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On the full-ha profile console sessions are copied to a second node (docs/cluster.md): every session- and
 * view-scoped bean, and everything its fields hold, must be serializable, or the copy fails and a node's death
 * loses the session's latest state. Injected services are proxies and serialize by reference.
 */
class ConsoleStateSerializableTest {

    @Test
    void everySessionAndViewScopedBeanHoldsOnlySerializableState() throws Exception {
        List<Class<?>> beans = scopedBeans();
        assertFalse(beans.isEmpty(), "found the console's beans");
        var problems = new ArrayList<String>();
        var seen = new HashSet<Type>();
        for (Class<?> bean : beans) {
            check(bean, bean.getSimpleName(), problems, seen);
        }
        assertEquals(List.of(), problems);
    }

    private static void check(Type type, String path, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            check(parameterized.getRawType(), path, problems, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, path + "<>", problems, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> type1) || type1.isPrimitive() || type1.isEnum()) {
            return; // type variables and wildcards: their bounds are checked where they are bound
        }
        if (type1.isArray()) {
            check(type1.getComponentType(), path + "[]", problems, seen);
            return;
        }
        if (Collection.class.isAssignableFrom(type1) || Map.class.isAssignableFrom(type1)) {
            return; // the JDK's implementations serialize; their elements are checked through the type arguments
        }
        if (isService(type1)) {
            return; // what a field holds is the container's proxy, which serializes as a reference
        }
        if (!Serializable.class.isAssignableFrom(type1)) {
            problems.add(path + ": " + type1.getName() + " is not Serializable");
            return;
        }
        if (!type1.getName().startsWith("dev.orion.")) {
            return;
        }
        for (Class<?> c = type1; c != null && c.getName().startsWith("dev.orion."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                        || field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                    continue;
                }
                check(field.getGenericType(), path + "." + field.getName(), problems, seen);
            }
        }
    }

    private static boolean isService(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class);
    }

    private static List<Class<?>> scopedBeans() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        var beans = new ArrayList<Class<?>>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, ConsoleStateSerializableTest.class.getClassLoader());
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(c);
                }
            }
        }
        return beans;
    }
}
