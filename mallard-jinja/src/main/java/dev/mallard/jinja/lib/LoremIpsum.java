package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The {@code lipsum()} global: paragraphs of lorem ipsum built as Jinja2 builds them (capitals
 * after full stops, commas, 20 to 100 words each). Jinja2's text is random; this one comes
 * from a fixed seed so renders are reproducible.
 */
final class LoremIpsum {
    private static final String[] WORDS = ("a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at auctor augue "
            + "bibendum blandit class commodo condimentum congue consectetuer consequat conubia convallis cras "
            + "cubilia cum curabitur curae cursus dapibus diam dictum dictumst dignissim dis dolor donec dui "
            + "duis egestas eget eleifend elementum elit enim erat eros est et etiam eu euismod facilisi "
            + "facilisis fames faucibus felis fermentum feugiat fringilla fusce gravida habitant habitasse hac "
            + "hendrerit hymenaeos iaculis id imperdiet in inceptos integer interdum ipsum justo lacinia lacus "
            + "laoreet lectus leo libero ligula litora lobortis lorem luctus maecenas magna magnis malesuada "
            + "massa mattis mauris metus mi molestie mollis montes morbi mus nam nascetur natoque nec neque "
            + "netus nibh nisi nisl non nonummy nostra nulla nullam nunc odio orci ornare parturient pede "
            + "pellentesque penatibus per pharetra phasellus placerat platea porta porttitor posuere potenti "
            + "praesent pretium primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus rutrum "
            + "sagittis sapien scelerisque sed sem semper senectus sit sociis sociosqu sodales sollicitudin "
            + "suscipit suspendisse taciti tellus tempor tempus tincidunt torquent tortor tristique turpis "
            + "ullamcorper ultrices ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae "
            + "vivamus viverra volutpat vulputate ").trim().split(" ");

    private LoremIpsum() {
    }

    static CharSequence generate(long n, boolean html, long min, long max) {
        Random random = new Random(42);
        List<String> paragraphs = new ArrayList<>();
        for (long p = 0; p < n; p++) {
            boolean capitalize = true;
            long lastComma = 0;
            long lastFullstop = 0;
            String last = null;
            List<String> words = new ArrayList<>();
            long count = min + (max > min ? (long) (random.nextDouble() * (max - min)) : 0);
            for (long idx = 0; idx < count; idx++) {
                String word;
                do {
                    word = WORDS[random.nextInt(WORDS.length)];
                } while (word.equals(last));
                last = word;
                if (capitalize) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    capitalize = false;
                }
                if (idx - (3 + random.nextInt(5)) > lastComma) {
                    lastComma = idx;
                    lastFullstop += 2;
                    word += ",";
                }
                if (idx - (10 + random.nextInt(10)) > lastFullstop) {
                    lastComma = idx;
                    lastFullstop = idx;
                    word += ".";
                    capitalize = true;
                }
                words.add(word);
            }
            String text = String.join(" ", words);
            if (text.endsWith(",")) {
                text = text.substring(0, text.length() - 1) + ".";
            } else if (!text.endsWith(".")) {
                text += ".";
            }
            paragraphs.add(text);
        }
        if (!html) {
            return String.join("\n\n", paragraphs);
        }
        List<String> tagged = new ArrayList<>();
        for (String text : paragraphs) {
            tagged.add("<p>" + Markup.escapeText(text) + "</p>");
        }
        return new Markup(String.join("\n", tagged));
    }
}
