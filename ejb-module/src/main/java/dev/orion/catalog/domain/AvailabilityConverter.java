package dev.orion.catalog.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class AvailabilityConverter implements AttributeConverter<Availability, String> {

    @Override
    public String convertToDatabaseColumn(Availability availability) {
        return availability == null ? null : availability.wireName();
    }

    @Override
    public Availability convertToEntityAttribute(String column) {
        return column == null ? null : Availability.fromWire(column);
    }
}
