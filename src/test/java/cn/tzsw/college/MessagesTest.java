package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, and every key the code names exists. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chinese_and_english_have_the_same_keys() throws IOException {
        Set<String> chinese = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        assertThat(chinese).as("keys missing in English").isSubsetOf(english);
        assertThat(english).as("keys missing in Chinese").isSubsetOf(chinese);
    }

    @Test
    void every_key_named_in_the_code_exists() throws IOException {
        Set<String> keys = load("messages_zh_CN.properties").stringPropertyNames();
        Pattern literal = Pattern.compile(
                "(?:getTranslation\\(|title = |onField\\([^,]+, |BusinessRuleException\\()\"([a-zA-Z][\\w.]*\\w)\"\\s*[,)]");
        Pattern template = Pattern.compile("\"\\{([a-zA-Z][\\w.]+)}\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : new Pattern[] {literal, template}) {
                    Matcher matcher = pattern.matcher(source);
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}
