package io.terrafusion.sync.core.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.terrafusion.sync.core.ForwardingSourceStore;
import io.terrafusion.sync.core.ForwardingStateStore;
import io.terrafusion.sync.core.ForwardingTargetStore;
import io.terrafusion.sync.spi.SourceStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.TargetStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.jspecify.annotations.Nullable;

/**
 * Calls every method of each store interface, default methods included, on a forwarding store whose
 * delegate records its calls, and checks that the delegate got that call with the same arguments and
 * that its answer came back unchanged.
 */
class ForwardingStoresTest {

  /** The one call a recording delegate got, and the answer it gave. */
  private static final class Recorder {
    final List<Method> calls = new ArrayList<>();
    final List<@Nullable Object[]> arguments = new ArrayList<>();
    @Nullable Object answer;

    <T> T delegate(Class<T> type) {
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
        calls.add(method);
        arguments.add(args == null ? new Object[0] : args);
        answer = answerOf(method.getReturnType());
        return answer;
      }));
    }
  }

  @TestFactory
  Stream<DynamicTest> sourceStoreForwardsEveryMethod() {
    return forwardsEveryMethod(SourceStore.class, d -> new ForwardingSourceStore(d) {});
  }

  @TestFactory
  Stream<DynamicTest> targetStoreForwardsEveryMethod() {
    return forwardsEveryMethod(TargetStore.class, d -> new ForwardingTargetStore(d) {});
  }

  @TestFactory
  Stream<DynamicTest> stateStoreForwardsEveryMethod() {
    return forwardsEveryMethod(StateStore.class, d -> new ForwardingStateStore(d) {});
  }

  @Test
  void delegateIsTheStoreGiven() {
    Recorder recorder = new Recorder();
    TargetStore target = recorder.delegate(TargetStore.class);
    StateStore state = recorder.delegate(StateStore.class);

    assertThat(new ForwardingSourceStore(target) {}.delegate()).isSameAs(target);
    assertThat(new ForwardingTargetStore(target) {}.delegate()).isSameAs(target);
    assertThat(new ForwardingStateStore(state) {}.delegate()).isSameAs(state);
    assertThat(recorder.calls).isEmpty();
  }

  @Test
  void rejectsNullDelegate() {
    assertThatNullPointerException().isThrownBy(() -> new ForwardingSourceStore(null) {}).withMessage("delegate");
    assertThatNullPointerException().isThrownBy(() -> new ForwardingTargetStore(null) {}).withMessage("delegate");
    assertThatNullPointerException().isThrownBy(() -> new ForwardingStateStore(null) {}).withMessage("delegate");
  }

  private static <T> Stream<DynamicTest> forwardsEveryMethod(Class<T> type, Function<T, T> forwarding) {
    List<Method> methods = Arrays.stream(type.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
    assertThat(methods).isNotEmpty();
    return methods.stream().map(method -> DynamicTest.dynamicTest(describe(method), () -> {
      Recorder recorder = new Recorder();
      T store = forwarding.apply(recorder.delegate(type));
      @Nullable Object[] args = argumentsFor(method);

      Object result;
      try {
        result = method.invoke(store, args);
      } catch (InvocationTargetException e) {
        throw new AssertionError(describe(method) + " threw instead of forwarding", e.getCause());
      }

      assertThat(recorder.calls).as("calls the delegate got").hasSize(1);
      Method received = recorder.calls.get(0);
      assertThat(received.getName()).isEqualTo(method.getName());
      assertThat(received.getParameterTypes()).isEqualTo(method.getParameterTypes());
      assertThat(recorder.arguments.get(0)).isEqualTo(args);
      if (method.getReturnType().isPrimitive()) {
        assertThat(result).isEqualTo(recorder.answer);
      } else {
        assertThat(result).isSameAs(recorder.answer);
      }
    }));
  }

  /** Nulls for references (forwarding checks nothing) and distinct numbers, to see them passed on. */
  private static @Nullable Object[] argumentsFor(Method method) {
    Class<?>[] types = method.getParameterTypes();
    @Nullable Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = types[i] == int.class ? Integer.valueOf(41 + i) : null;
    }
    return args;
  }

  /** A fresh answer of the type, whose identity shows it was handed back unchanged. */
  private static @Nullable Object answerOf(Class<?> type) {
    if (type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return Boolean.TRUE;
    }
    if (type == String.class) {
      return new String("answer");
    }
    if (type == List.class) {
      return new ArrayList<>();
    }
    if (type == Map.class) {
      return new HashMap<>();
    }
    if (type == Optional.class) {
      return Optional.of(new Object());
    }
    if (type == OptionalLong.class) {
      return OptionalLong.of(4711);
    }
    throw new AssertionError("no answer of " + type + " prepared; add one for the new method");
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
  }
}
