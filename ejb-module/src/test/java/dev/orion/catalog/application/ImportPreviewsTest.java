package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportPreviewsTest {

    @Test
    void aChangedProductShowsOnlyTheFieldsThatDifferBeforeAndAfter() {
        var before = Json.createObjectBuilder().add("title", "Mug").add("price", "5.00 EUR").addNull("brand").build();
        var after = Json.createObjectBuilder().add("title", "Mug").add("price", "6.00 EUR").addNull("brand").build();

        var change = ImportPreviews.change("D-1", "changed", before, after);

        assertEquals(List.of("price"), List.copyOf(change.fields().keySet()));
        assertEquals(new ImportPreview.FieldChange("5.00 EUR", "6.00 EUR"), change.fields().get("price"));
    }

    @Test
    void aNewProductShowsEveryFieldItSets() {
        var after = Json.createObjectBuilder().add("title", "Jug").addNull("brand").add("stock", 0)
                .add("images", Json.createArrayBuilder().add("https://img.example/j.jpg")).build();

        var change = ImportPreviews.change("D-2", "created", null, after);

        assertEquals(List.of("title", "stock", "images"), List.copyOf(change.fields().keySet()));
        assertEquals(new ImportPreview.FieldChange(null, "0"), change.fields().get("stock"));
        assertEquals("[\"https://img.example/j.jpg\"]", change.fields().get("images").after());
    }
}
