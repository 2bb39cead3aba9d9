package cn.tzsw.college.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events stored with their transaction (Spring Modulith's publication registry) are written as JSON by the
 * application's mapper. Modulith's own serializer looks that mapper up in the bean factory for every event: a
 * sixth of a registration's own time in the burst profile; this one holds it.
 */
@Configuration(proxyBeanMethods = false)
class EventSerializationConfiguration {

    @Bean
    EventSerializer eventSerializer(JsonMapper mapper) {
        return new EventSerializer() {

            @Override
            public Object serialize(Object event) {
                return mapper.writeValueAsString(event);
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return mapper.readValue(serialized.toString(), type);
            }
        };
    }
}
