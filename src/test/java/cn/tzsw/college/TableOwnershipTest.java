package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The database's map must match the code's: every table has one owning capability, written down in
 * docs/architecture.md ("Table ownership"), and only its owner's code names it in SQL or an entity. A capability
 * that must read another's data reads a read model (a SQL view) its owner publishes, listed in the same document
 * ("Read models") with the capabilities allowed to read it.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/tzsw/college");
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    /** A table name after the SQL words that name one (and JPQL's entity names, which are spelled the same). */
    static final Pattern TABLE_REFERENCE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|on\\s+table)\\s+`?(\\w+)`?");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"");

    @Test
    void only_a_tables_owner_names_it_in_sql() throws IOException {
        Map<String, String> owners = owners();
        Map<String, Set<String>> crossings = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String capability = capability(file);
                for (String table : tablesNamedIn(Files.readString(file, StandardCharsets.UTF_8), owners.keySet())) {
                    String owner = owners.get(table);
                    if (capability != null && !owner.equals(capability)) {
                        crossings.computeIfAbsent(capability, c -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
        assertThat(crossings).as("tables named by capabilities that do not own them (owners: docs/architecture.md)")
                .isEmpty();
    }

    @Test
    void a_read_model_is_named_only_by_its_owner_and_the_readers_it_lists() throws IOException {
        Map<String, Set<String>> allowed = readModels();
        Map<String, Set<String>> strangers = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String capability = capability(file);
                for (String view : tablesNamedIn(Files.readString(file, StandardCharsets.UTF_8), allowed.keySet())) {
                    if (capability != null && !allowed.get(view).contains(capability)) {
                        strangers.computeIfAbsent(capability, c -> new TreeSet<>()).add(view);
                    }
                }
            }
        }
        assertThat(strangers).as("read models named by capabilities that are not their owner or listed readers")
                .isEmpty();
    }

    @Test
    void every_view_of_the_schema_is_a_read_model_of_the_architecture_document() throws IOException {
        assertThat(readModels().keySet()).containsAll(namesCreatedByChangelogs(
                Pattern.compile("<createView\\s[^>]*viewName=\"(\\w+)\"|(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:\\w+\\s*=\\s*\\w+\\s+)*VIEW\\s+`?(\\w+)")));
    }

    @Test
    void every_table_of_the_schema_has_one_owner_in_the_architecture_document() throws IOException {
        assertThat(owners().keySet()).containsAll(namesCreatedByChangelogs(
                Pattern.compile("<createTable\\s+tableName=\"(\\w+)\"|CREATE TABLE (?:IF NOT EXISTS )?`?(\\w+)")));
    }

    /** The names the changelog files create with the given two-group pattern (XML change or SQL). */
    private static Set<String> namesCreatedByChangelogs(Pattern create) throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> changelogs = Files.list(Path.of("db-changelog/changes"))) {
            for (Path changelog : changelogs.toList()) {
                Matcher matcher = create.matcher(Files.readString(changelog, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    created.add((matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).toLowerCase());
                }
            }
        }
        return created;
    }

    /** View → its owner and the capabilities that may read it, from the read-model table of docs/architecture.md. */
    private static Map<String, Set<String>> readModels() throws IOException {
        Map<String, Set<String>> views = new LinkedHashMap<>();
        for (String[] cells : tableRows("## Read models")) {
            Set<String> allowed = new TreeSet<>();
            allowed.add(cells[2].trim());
            for (String reader : cells[3].split(",")) {
                allowed.add(reader.trim());
            }
            Matcher names = Pattern.compile("`(\\w+)`").matcher(cells[1]);
            while (names.find()) {
                assertThat(views.put(names.group(1).toLowerCase(), allowed)).as("one row for " + names.group(1)).isNull();
            }
        }
        return views;
    }

    /** Table → owner, from the ownership table of docs/architecture.md (a row may name several tables). */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String[] cells : tableRows("## Table ownership")) {
            String owner = cells[2].trim().split("\\s")[0];
            Matcher names = Pattern.compile("`(\\w+)`").matcher(cells[1]);
            while (names.find()) {
                String previous = owners.put(names.group(1).toLowerCase(), owner);
                assertThat(previous).as("one owner for " + names.group(1)).isNull();
            }
        }
        assertThat(owners).as("the ownership table of " + ARCHITECTURE).isNotEmpty();
        return owners;
    }

    /** The cells of the rows (those starting with a `name`) of the table under the given heading. */
    private static List<String[]> tableRows(String heading) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.equals(heading);
            } else if (inSection && line.startsWith("| `")) {
                rows.add(line.split("\\|"));
            }
        }
        return rows;
    }

    /** The capability of a source file (its first package below the base), or null for the application's root. */
    private static String capability(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
    }

    /** Known tables (or views) named in the file's string literals (SQL, JPQL) and entity mappings. */
    private static Set<String> tablesNamedIn(String source, Set<String> tables) {
        Set<String> named = new TreeSet<>();
        Matcher entity = ENTITY_TABLE.matcher(source);
        while (entity.find()) {
            if (tables.contains(entity.group(1).toLowerCase())) {
                named.add(entity.group(1).toLowerCase());
            }
        }
        Matcher literal = STRING_LITERAL.matcher(source);
        StringBuilder text = new StringBuilder();
        while (literal.find()) {
            // Kept apart: the next literal is often a parameter's name, not the rest of the statement.
            text.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(" | ");
        }
        Matcher reference = TABLE_REFERENCE.matcher(text);
        while (reference.find()) {
            String table = reference.group(1).toLowerCase();
            if (tables.contains(table)) {
                named.add(table);
            }
        }
        return named;
    }
}
